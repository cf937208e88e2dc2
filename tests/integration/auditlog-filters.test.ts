import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v2/auditlog/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import type { AuditEntryResponse } from "@/lib/schemas/audit";
import { prisma } from "@/lib/server/db";
import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { push } from "@/tests/support/partner-pushes";

/** The audit log's filters for people: kind (changes, syncs, sign-ins), actor (member or token) and resource text. */

type Listing = { items: AuditEntryResponse[]; totalCount: number };

let reader: string;

async function audit(query: string, token = reader): Promise<Listing> {
  const response = await callRoute(auditRoute.GET, { path: `/api/v2/auditlog?${query}`, token });
  expect(response.status).toBe(200);
  return response.json as Listing;
}

async function descriptions(query: string, token = reader): Promise<string[]> {
  return (await audit(query, token)).items.map((item) => item.description);
}

async function entry(
  fields: { kind: string; description: string; target: string } & Record<string, unknown>,
) {
  await prisma.auditEntry.create({
    data: { name: fields.description, accesses: [], ...fields },
  });
}

beforeAll(async () => {
  reader = (await createTestToken({ role: "reader" })).value;
});

describe("GET /api/v2/auditlog?category=", () => {
  const marker = unique("category");
  beforeAll(async () => {
    await entry({ kind: "segment", description: `${marker} renamed`, target: `proj/${marker}` });
    await entry({ kind: "sync", description: `${marker} synced`, target: `proj/${marker}` });
    await entry({ kind: "session", description: `${marker} signed in`, target: "acct" });
  });

  it("keeps people's changes, syncs or sign-ins, and any mix of them", async () => {
    expect(await descriptions(`q=${marker}`)).toHaveLength(3);
    expect(await descriptions(`q=${marker}&category=change`)).toEqual([`${marker} renamed`]);
    expect(await descriptions(`q=${marker}&category=sync`)).toEqual([`${marker} synced`]);
    expect(await descriptions(`q=${marker}&category=sign-in`)).toEqual([`${marker} signed in`]);
    const withoutSyncs = await audit(`q=${marker}&category=change,sign-in`);
    expect(withoutSyncs.totalCount).toBe(2);
    expect(withoutSyncs.items.map((item) => item.kind).sort()).toEqual(["segment", "session"]);
  });

  it("refuses an unknown category with a 400 that names it", async () => {
    const response = await callRoute(auditRoute.GET, {
      path: "/api/v2/auditlog?category=change,logins",
      token: reader,
    });
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toContain('"logins"');
  });
});

describe("GET /api/v2/auditlog?target=", () => {
  it("searches the target's text alone, case-insensitively and without wildcards", async () => {
    const marker = unique("target");
    await entry({
      kind: "segment",
      description: "by target",
      target: `proj/${marker}:env/production:segment/Beta_1`,
    });
    await entry({ kind: "segment", description: `names segment/beta_1 ${marker}`, target: `proj/${marker}` });
    expect(
      await descriptions(`target=${encodeURIComponent(`${marker}:env/production:segment/beta_1`)}`),
    ).toEqual(["by target"]);
    expect(
      await descriptions(`target=${encodeURIComponent(`${marker}:env/production:segment/beta%1`)}`),
    ).toEqual([]);
    const long = await callRoute(auditRoute.GET, {
      path: `/api/v2/auditlog?target=${"x".repeat(257)}`,
      token: reader,
    });
    expectError(long, 400, "invalid_request");
  });
});

describe("entries made with a service token", () => {
  let owner: Awaited<ReturnType<typeof createTestMember>>["member"];
  let service: Awaited<ReturnType<typeof createTestToken>>;
  let personal: Awaited<ReturnType<typeof createTestToken>>;
  const serviceProject = unique("by-service");
  const personalProject = unique("by-personal");

  beforeAll(async () => {
    owner = (await createTestMember({ role: "admin" })).member;
    service = await createTestToken({ role: "writer", memberId: owner.id, serviceToken: true });
    personal = await createTestToken({ role: "writer", memberId: owner.id, serviceToken: false });
    for (const [token, key] of [
      [service.value, serviceProject],
      [personal.value, personalProject],
    ] as const) {
      const created = await callRoute(projectsRoute.POST, {
        path: "/api/v2/projects",
        token,
        body: { key, name: key },
      });
      expect(created.status).toBe(201);
    }
  });

  it("name the token, not the member who created it", async () => {
    const [byService] = (await audit(`spec=proj/${serviceProject}`)).items;
    expect(byService?.token).toEqual({
      _id: service.token.id,
      name: service.token.name,
      ending: service.value.slice(-4),
      serviceToken: true,
    });
    expect(byService).not.toHaveProperty("member");
    expect(JSON.stringify(byService)).not.toContain(owner.email);

    const [byPersonal] = (await audit(`spec=proj/${personalProject}`)).items;
    expect(byPersonal).toMatchObject({
      member: { _id: owner.id, email: owner.email },
      token: { _id: personal.token.id, serviceToken: false },
    });
  });

  it("name the token for a sync too (written by the push's own statement)", async () => {
    const { production } = await createTestProject();
    const sync = await createTestToken({ role: "writer", memberId: owner.id, serviceToken: true });
    const cohortId = unique("cohort");
    const body = buildPartnerPayload(
      INTEGRATIONS.rudderstack,
      { environmentId: production.clientSideId, cohortId, cohortName: "Filtered" },
      ["user-1"],
    );
    expect((await push("rudderstack", sync.value, body)).status).toBe(204);
    const syncs = await audit(`tokenId=${sync.token.id}&category=sync`);
    expect(syncs.totalCount).toBeGreaterThan(0);
    for (const item of syncs.items) {
      expect(item.kind).toBe("sync");
      expect(item.token).toMatchObject({ _id: sync.token.id, serviceToken: true });
      expect(item).not.toHaveProperty("member");
    }
  });

  it("are kept by tokenId and left out of the creator's memberId", async () => {
    const byService = await descriptions(`tokenId=${service.token.id}`);
    expect(byService.length).toBeGreaterThan(0);
    expect(
      (await audit(`tokenId=${service.token.id}`)).items.every(
        (item) => item.token?._id === service.token.id,
      ),
    ).toBe(true);
    const byOwner = await audit(`memberId=${owner.id}`);
    expect(byOwner.items.map((item) => item.target.resources[0])).toContain(`proj/${personalProject}`);
    expect(byOwner.items.map((item) => item.target.resources[0])).not.toContain(`proj/${serviceProject}`);
    expect(byOwner.items.every((item) => item.member?._id === owner.id)).toBe(true);
  });

  it("refuses actor ids that are not ids", async () => {
    for (const query of ["memberId=someone", "tokenId=1234"]) {
      const response = await callRoute(auditRoute.GET, { path: `/api/v2/auditlog?${query}`, token: reader });
      expectError(response, 400, "invalid_request");
    }
  });
});

describe("the existence rule holds through every filter", () => {
  it("an actor's entries about what the caller may not view answer as a made-up actor's", async () => {
    const hidden = unique("hidden");
    const visible = unique("visible");
    const actor = (await createTestMember({ role: "writer" })).member;
    const token = await createTestToken({ role: "writer", memberId: actor.id });
    for (const key of [hidden, visible]) {
      await entry({
        kind: "project",
        description: `changed ${key}`,
        target: `proj/${key}`,
        memberId: actor.id,
        memberEmail: actor.email,
        tokenId: token.token.id,
        tokenName: token.token.name,
        tokenEnding: token.token.ending,
      });
    }
    await entry({ kind: "sync", description: `synced ${hidden}`, target: `proj/${hidden}:env/production` });
    await entry({ kind: "session", description: `signed in ${hidden}`, target: `member/${actor.id}` });
    const limited = await createTestToken({
      role: null,
      policy: [
        { effect: "allow", actions: ["viewAuditLog"], resources: ["acct"] },
        { effect: "allow", actions: ["viewProject"], resources: [`proj/${visible}`] },
      ],
    });
    const madeUp = randomUUID();
    for (const [query, madeUpQuery] of [
      [`memberId=${actor.id}`, `memberId=${madeUp}`],
      [`tokenId=${token.token.id}`, `tokenId=${madeUp}`],
    ]) {
      const real = await audit(`${query}&category=change`, limited.value);
      expect(real.items.map((item) => item.description)).toEqual([`changed ${visible}`]);
      expect(real.totalCount).toBe(1);
      const nothing = await audit(`${query}&target=${hidden}`, limited.value);
      const made = await audit(`${madeUpQuery}&target=${hidden}`, limited.value);
      expect({ items: nothing.items, totalCount: nothing.totalCount }).toEqual({
        items: made.items,
        totalCount: made.totalCount,
      });
      expect(nothing.totalCount).toBe(0);
    }
    for (const category of ["sync", "sign-in", "change"]) {
      const listing = await audit(`category=${category}&q=${hidden}`, limited.value);
      expect({ items: listing.items, totalCount: listing.totalCount }).toEqual({ items: [], totalCount: 0 });
    }
    expect(await descriptions(`target=${hidden}`, limited.value)).toEqual([]);
    expect(await descriptions(`target=${hidden}`)).toHaveLength(2);
  });
});
