import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as resetRoute from "@/app/api/v2/tokens/[tokenId]/reset/route";
import type { Policy } from "@/lib/schemas/policy";
import type { TokenResponse } from "@/lib/schemas/token";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createToken } from "@/lib/server/tokens/create-token";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { sessionHeaders } from "@/tests/support/session-headers";

/**
 * Every way the app hands out a token's value (the `value` argument of serializeToken): creating a token (API and command
 * line) and resetting one. Each must ask what the front door, POST /api/v2/tokens, asks: a caller that could not create
 * a token with some access cannot obtain a value with that access by any of these paths.
 */

/** Who calls: a token value, or a member's dashboard session. */
type Caller = { token: string } | { session: string };

async function as(caller: Caller) {
  return "token" in caller ? { token: caller.token } : { headers: await sessionHeaders(caller.session) };
}

async function create(caller: Caller, body: unknown) {
  return callRoute(tokensRoute.POST, { path: "/api/v2/tokens", body, ...(await as(caller)) });
}

async function reset(caller: Caller, tokenId: string, query = "") {
  return callRoute(resetRoute.POST, {
    method: "POST",
    path: `/api/v2/tokens/${tokenId}/reset${query}`,
    params: { tokenId },
    ...(await as(caller)),
  });
}

async function makeOwner(caller: Caller, memberId: string) {
  return callRoute(memberRoute.PATCH, {
    method: "PATCH",
    path: `/api/v2/members/${memberId}`,
    params: { memberId },
    body: [{ op: "replace", path: "/role", value: "owner" }],
    ...(await as(caller)),
  });
}

const value = (response: { json: unknown }) => (response.json as TokenResponse).token;

/** A caller by a token's value. */
const bearer = (token: { value: string }): Caller => ({ token: token.value });

/** The stored hash is what a value authenticates by: unchanged means no value was handed out. */
async function hashOf(tokenId: string) {
  return (await prisma.accessToken.findUniqueOrThrow({ where: { id: tokenId } })).hashedValue;
}

async function ownerId() {
  return (await prisma.member.findFirstOrThrow({ where: { role: "owner" } })).id;
}

/** A token reset that may also reset others' personal tokens, as the issue's custom role did. */
const TOKEN_RESETTER: Policy = [
  { effect: "allow", actions: ["resetAccessToken", "viewAccessToken"], resources: ["member/*:token/*"] },
];

let owner: { id: string; personal: { value: string; token: { id: string } } };
let admin: { id: string; personal: { value: string; token: { id: string } } };

beforeAll(async () => {
  const ownerMember = (await createTestMember({ role: "owner" })).member;
  const adminMember = (await createTestMember({ role: "admin" })).member;
  owner = {
    id: ownerMember.id,
    personal: await createTestToken({ role: "admin", memberId: ownerMember.id, serviceToken: false }),
  };
  admin = {
    id: adminMember.id,
    personal: await createTestToken({ role: "admin", memberId: adminMember.id, serviceToken: false }),
  };
});

describe("every path that returns a token value", () => {
  it("is only create and reset (and the command line through create)", async () => {
    const found: string[] = [];
    async function walk(directory: string): Promise<void> {
      for (const entry of await readdir(directory, { withFileTypes: true })) {
        const file = path.join(directory, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = await readFile(file, "utf8");
          if (/generateTokenValue\(|serializeToken\(\w+,/.test(text)) found.push(file);
        }
      }
    }
    for (const root of ["app", "lib", "scripts"]) await walk(root);
    // A new path that hands out a value must get its case in this file before it joins this list.
    expect(found.sort()).toEqual([
      path.join("lib", "server", "access", "tokens", "generate-token-value.ts"),
      path.join("lib", "server", "tokens", "create-token.ts"),
      path.join("lib", "server", "tokens", "reset-token.ts"),
    ]);
    const cli = await readFile("scripts/cli.ts", "utf8");
    expect(cli).toContain('createToken("cli"');
  });
});

describe("POST /api/v2/tokens/{tokenId}/reset asks what creating the token would", () => {
  it("a reader whose custom role may reset tokens cannot obtain an admin token's value", async () => {
    const role = await prisma.customRole.create({
      data: { key: unique("resetter"), name: "Resetter", policy: TOKEN_RESETTER },
    });
    const { member } = await createTestMember({ role: "reader" });
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: role.id } });
    const reader: Caller = { session: member.id };

    // The front door refuses it an admin token...
    expectError(await create(reader, { name: "mine", role: "admin" }), 403, "forbidden");
    // ...so reset does too: the owner's admin token, and another admin's.
    const before = await hashOf(owner.personal.token.id);
    expectError(await reset(reader, owner.personal.token.id), 403, "forbidden");
    expect(await hashOf(owner.personal.token.id)).toBe(before);
    expectError(await reset(reader, admin.personal.token.id), 403, "forbidden");
    expect((await resolveTokenPrincipal(owner.personal.value))?.token?.id).toBe(owner.personal.token.id);

    // What it could create, it may reset: another reader's personal token.
    const peer = await createTestMember({ role: "reader" });
    const peerToken = await createTestToken({
      role: "reader",
      memberId: peer.member.id,
      serviceToken: false,
    });
    expect((await reset(reader, peerToken.token.id)).status).toBe(200);
  });

  it("an admin, or an admin token, never obtains a value of the owner's personal token; the owner may", async () => {
    const before = await hashOf(owner.personal.token.id);
    expectError(await reset({ session: admin.id }, owner.personal.token.id), 403, "forbidden");
    expectError(await reset(bearer(admin.personal), owner.personal.token.id), 403, "forbidden");
    const ownersService = await createTestToken({ role: "admin", memberId: owner.id, serviceToken: true });
    expectError(await reset(bearer(ownersService), owner.personal.token.id), 403, "forbidden");
    expect(await hashOf(owner.personal.token.id)).toBe(before);

    const spare = await createTestToken({ role: "admin", memberId: owner.id, serviceToken: false });
    const renewed = await reset({ session: owner.id }, spare.token.id);
    expect(renewed.status).toBe(200);
    expect((await resolveTokenPrincipal(value(renewed)))?.token?.id).toBe(spare.token.id);
  });

  it("a service token cannot obtain a personal token's value, as it cannot create one", async () => {
    const service = await createTestToken({ role: "admin", serviceToken: true });
    const { member } = await createTestMember({ role: "writer" });
    const personal = await createTestToken({ role: "writer", memberId: member.id, serviceToken: false });
    expectError(await create(bearer(service), { name: "mine", role: "writer" }), 403, "forbidden");
    expectError(await reset(bearer(service), personal.token.id), 403, "forbidden");
    // A personal admin token may (it could create such a token for its own member).
    expect((await reset(bearer(admin.personal), personal.token.id)).status).toBe(200);
  });

  it("a reset's old value, in its grace period, cannot reset its own token again", async () => {
    const target = await createTestToken({ role: "admin", serviceToken: true });
    const first = await reset(bearer(admin.personal), target.token.id, `?expiry=${Date.now() + 3_600_000}`);
    expect(first.status).toBe(200);
    const ownersNewValue = value(first);

    const afterFirst = await hashOf(target.token.id);
    for (const expiry of ["", `?expiry=${Date.now() + 3_600_000}`, "?expiry=8640000000000000"]) {
      expectError(await reset(bearer(target), target.token.id, expiry), 403, "forbidden");
    }
    expect(await hashOf(target.token.id)).toBe(afterFirst);
    // Nor does it mint a lasting credential elsewhere (grace-value-hands-out-nothing.test.ts); the new value controls the token.
    expectError(
      await create(bearer(target), { name: unique("ci"), role: "reader", serviceToken: true }),
      403,
      "forbidden",
    );
    const again = await reset({ token: ownersNewValue }, target.token.id);
    expect(again.status).toBe(200);
    expect(await resolveTokenPrincipal(target.value)).toBeNull();
  });
});

describe("POST /api/v2/tokens asks the same", () => {
  it("only a session or a personal token creates personal tokens, for its own member", async () => {
    // The owner's admin service token, as `npm run cli -- tokens create` gives CI.
    const ci = await createToken("cli", { name: unique("ci"), role: "admin" });
    expect(ci.serviceToken).toBe(true);
    expect(ci.memberId).toBe(await ownerId());
    const cli: Caller = { token: ci.token };
    expectError(await create(cli, { name: "owner-in-person", role: "admin" }), 403, "forbidden");
    expectError(
      await create(cli, { name: "owner-in-person", role: "admin", serviceToken: false }),
      403,
      "forbidden",
    );
    expectError(await reset(cli, owner.personal.token.id), 403, "forbidden");
    const heir = await createTestMember({ role: "writer" });
    expectError(await makeOwner(cli, heir.member.id), 403, "forbidden");
    expect(await ownerId()).toBe(owner.id);
    // It may still create service tokens.
    expect((await create(cli, { name: unique("ci"), role: "admin", serviceToken: true })).status).toBe(201);

    // A deleted member's service token passes to the owner, and gains nothing by it.
    const leaver = await createTestMember({ role: "admin" });
    const inherited = await createTestToken({
      role: "admin",
      memberId: leaver.member.id,
      serviceToken: true,
    });
    const deleted = await callRoute(memberRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/members/${leaver.member.id}`,
      params: { memberId: leaver.member.id },
      token: admin.personal.value,
    });
    expect(deleted.status).toBe(204);
    expect((await resolveTokenPrincipal(inherited.value))?.member.id).toBe(owner.id);
    expectError(
      await create(bearer(inherited), { name: "owner-in-person", role: "admin" }),
      403,
      "forbidden",
    );
    expectError(await reset(bearer(inherited), owner.personal.token.id), 403, "forbidden");
    expectError(await makeOwner(bearer(inherited), heir.member.id), 403, "forbidden");

    // The owner in person: a session, or a personal token, creates the owner's personal tokens.
    const bySession = await create({ session: owner.id }, { name: unique("mine"), role: "admin" });
    expect(bySession.status).toBe(201);
    expect(bySession.json).toMatchObject({ serviceToken: false, memberId: owner.id });
    const byPersonal = await create(bearer(owner.personal), { name: unique("mine"), role: "reader" });
    expect(byPersonal.status).toBe(201);
    expect(byPersonal.json).toMatchObject({ serviceToken: false, memberId: owner.id });
  });
});
