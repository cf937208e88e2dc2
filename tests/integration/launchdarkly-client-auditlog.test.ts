import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
const api = useLaunchDarklyClient("admin");
const models = launchDarklyModels();

async function entryAbout(target: string, name = unique("entry")) {
  return prisma.auditEntry.create({
    data: { kind: "segment", name, description: `Changed ${name}`, target, accesses: [] },
  });
}

async function namesFor(spec: string): Promise<string[]> {
  const listed = await api.client.auditLog.getAuditLogEntries(undefined, undefined, undefined, 20, spec);
  expect(models.check("AuditLogEntryListingRepCollection", listed.data)).toEqual([]);
  return listed.data.items.map((entry) => entry.name);
}

describe("AuditLogApi through LaunchDarkly's client", () => {
  it("lists entries fitting the model, each target as {name, resources, _links}", async () => {
    const project = unique("audit-proj");
    const entry = await entryAbout(`proj/${project}:env/production:segment/s1`);
    const listed = await api.client.auditLog.getAuditLogEntries(
      undefined,
      undefined,
      undefined,
      20,
      `proj/${project}`,
    );
    expect(models.check("AuditLogEntryListingRepCollection", listed.data)).toEqual([]);
    expect(listed.data.items).toHaveLength(1);
    expect(listed.data.items[0]).toMatchObject({
      _id: entry.id,
      shortDescription: entry.description,
      target: {
        name: entry.name,
        resources: [`proj/${project}:env/production:segment/s1`],
        _links: { self: { href: `/api/v2/segments/${project}/production/s1` } },
      },
      _links: { self: { href: `/api/v2/auditlog/${entry.id}` } },
    });
  });

  it("matches spec the way policies match: a specifier without tags finds entries of tagged resources", async () => {
    const project = unique("tagged");
    await entryAbout(`proj/${project};team-a:env/production;prod:segment/s1;beta`, "tagged-segment");
    await entryAbout(`proj/${project};team-a:env/test:segment/s2`, "test-segment");
    expect(await namesFor(`proj/${project}:env/production:segment/*`)).toEqual(["tagged-segment"]);
    expect((await namesFor(`proj/${project}:env/*:segment/*`)).sort()).toEqual([
      "tagged-segment",
      "test-segment",
    ]);
    expect(await namesFor(`proj/${project};team-a:env/*;prod:segment/*`)).toEqual(["tagged-segment"]);
    expect(await namesFor(`proj/${project};team-b:env/*:segment/*`)).toEqual([]);
  });

  it("gets one entry by _id as the AuditLogEntryRep model, and 404 for an unknown one", async () => {
    const entry = await entryAbout(`proj/${unique("one")}`);
    const read = await api.client.auditLog.getAuditLogEntry(entry.id);
    expect(models.check("AuditLogEntryRep", read.data)).toEqual([]);
    expect(read.data).toMatchObject({ _id: entry.id, name: entry.name });
    expect(
      (await failureOf(api.client.auditLog.getAuditLogEntry("00000000-0000-4000-8000-000000000000"))).status,
    ).toBe(404);
    expect((await failureOf(api.client.auditLog.getAuditLogEntry("not-an-id"))).status).toBe(404);
  });

  it("hides an entry about what the caller may not view, as an unknown one", async () => {
    const entry = await entryAbout(`proj/${unique("hidden")}:env/production:segment/secret`);
    const limited = await createTestToken({
      role: null,
      policy: [
        { effect: "allow", actions: ["viewAuditLog"], resources: ["acct"] },
        { effect: "allow", actions: ["viewProject"], resources: ["proj/other"] },
      ],
    });
    const failed = await failureOf(api.server.clientsFor(limited.value).auditLog.getAuditLogEntry(entry.id));
    expect(failed.status).toBe(404);
  });

  it("keeps the comment of a patch sent as {comment, patch} as the entry's comment", async () => {
    const key = unique("commented");
    await api.client.customRoles.postCustomRole({
      key,
      name: key,
      policy: [{ effect: "allow", actions: ["viewProject"], resources: ["proj/*"] }],
    });
    await api.client.customRoles.patchCustomRole(key, {
      comment: "ticket OPS-42",
      patch: [{ op: "replace", path: "/name", value: "Renamed" }],
    });
    const listed = await api.client.auditLog.getAuditLogEntries(
      undefined,
      undefined,
      undefined,
      20,
      `role/${key}`,
    );
    const updated = listed.data.items.find((entry) => entry.comment !== undefined);
    expect(updated?.comment).toBe("ticket OPS-42");
    const read = await api.client.auditLog.getAuditLogEntry(updated?._id ?? "");
    expect(read.data.comment).toBe("ticket OPS-42");
  });
});

describe("postAuditLogEntries through LaunchDarkly's client", () => {
  it("searches by statements: allow selects entries by resource, deny takes them out", async () => {
    const project = unique("searched");
    await entryAbout(`proj/${project};team-a:env/production:segment/kept`, "kept");
    await entryAbout(`proj/${project}:env/production:segment/denied`, "denied");
    await entryAbout(`proj/${project}:env/test:segment/elsewhere`, "elsewhere");
    const searched = await api.client.auditLog.postAuditLogEntries(undefined, undefined, undefined, 20, [
      { effect: "allow", resources: [`proj/${project}:env/production:segment/*`], actions: ["*"] },
      { effect: "deny", resources: [`proj/${project}:env/*:segment/denied`] },
    ]);
    expect(models.check("AuditLogEntryListingRepCollection", searched.data)).toEqual([]);
    expect(searched.data.items.map((entry) => entry.name)).toEqual(["kept"]);
  });

  it("refuses a statement that filters by action with 400", async () => {
    const failed = await failureOf(
      api.client.auditLog.postAuditLogEntries(undefined, undefined, undefined, 20, [
        { effect: "allow", resources: ["proj/*"], actions: ["updateName"] },
      ]),
    );
    expect(failed.status).toBe(400);
    expect(failed.body).toMatchObject({ code: "invalid_request" });
  });
});
