import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import { requireDatabaseUrl } from "@/lib/env";
import { hashToken } from "@/lib/server/access/tokens/hash-token";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import {
  ACCESS_CHANGED_CHANNEL,
  tokenPrincipalCache,
} from "@/lib/server/access/tokens/token-principal-cache";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

// Another app instance's view of the database: changes made here reach this process only by the triggers' NOTIFY.
let otherInstance: pg.Client;

beforeAll(async () => {
  otherInstance = new pg.Client({ connectionString: requireDatabaseUrl() });
  await otherInstance.connect();
});
afterAll(async () => {
  await otherInstance.end();
});

/** Resolves until the principal is served from the cache (the listener connects on first use). */
async function resolveIntoCache(value: string) {
  await vi.waitFor(
    async () => {
      expect(await resolveTokenPrincipal(value)).not.toBeNull();
      expect(tokenPrincipalCache.get(hashToken(value), Date.now())).not.toBeNull();
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe("token principal cache", () => {
  it("serves a resolved token from the cache, and forgets it at once when deleted through the API", async () => {
    const admin = await createTestToken({ role: "admin" });
    const victim = await createTestToken({ role: "reader" });
    await resolveIntoCache(victim.value);

    const list = () => callRoute(tokensRoute.GET, { path: "/api/v2/tokens", token: victim.value });
    expect((await list()).status).toBe(200);
    const deleted = await callRoute(tokenRoute.DELETE, {
      method: "DELETE",
      path: `/api/v2/tokens/${victim.token.id}`,
      params: { tokenId: victim.token.id },
      token: admin.value,
    });
    expect(deleted.status).toBe(204);
    // No wait: the process that made the change forgets before it answers.
    expectError(await list(), 401, "unauthorized");
  });

  it("forgets a token that another instance deleted, once the notification arrives", async () => {
    const victim = await createTestToken({ role: "reader" });
    await resolveIntoCache(victim.value);
    await otherInstance.query("delete from access_token where id = $1", [victim.token.id]);
    await vi.waitFor(async () => expect(await resolveTokenPrincipal(victim.value)).toBeNull(), {
      timeout: 2_000,
      interval: 10,
    });
  });

  it("follows another instance's change of a member's role", async () => {
    const { member } = await createTestMember({ role: "admin" });
    const personal = await createTestToken({ memberId: member.id, role: "admin", serviceToken: false });
    await resolveIntoCache(personal.value);
    expect((await resolveTokenPrincipal(personal.value))?.member.role).toBe("admin");
    await otherInstance.query("update member set role = 'reader' where id = $1", [member.id]);
    await vi.waitFor(
      async () => expect((await resolveTokenPrincipal(personal.value))?.member.role).toBe("reader"),
      { timeout: 2_000, interval: 10 },
    );
  });

  it("notifies on changes to what a principal is built from, not on recording a token's last use", async () => {
    const token = await createTestToken({ role: "reader" });
    const { member } = await createTestMember({ role: "writer" });
    const listener = new pg.Client({ connectionString: requireDatabaseUrl() });
    await listener.connect();
    const received: string[] = [];
    listener.on("notification", (message) => received.push(message.payload ?? ""));
    await listener.query(`LISTEN ${ACCESS_CHANGED_CHANNEL}`);
    try {
      await otherInstance.query("update access_token set last_used_at = now() where id = $1", [
        token.token.id,
      ]);
      await otherInstance.query("update member set last_seen_at = now() where id = $1", [member.id]);
      // Notifications arrive in commit order: once this one is in, the two above would have been too.
      await otherInstance.query("update access_token set name = name || '!' where id = $1", [token.token.id]);
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 2_000, interval: 10 });
      expect(received).toEqual(["access_token"]);
    } finally {
      await listener.end();
    }
  });

  it("serves nothing while its listener is disconnected, and starts afresh after reconnecting", async () => {
    const victim = await createTestToken({ role: "reader" });
    await resolveIntoCache(victim.value);
    const before = tokenPrincipalCache.generation();
    await otherInstance.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and query = $1`,
      [`LISTEN ${ACCESS_CHANGED_CHANNEL}`],
    );
    await vi.waitFor(() => expect(tokenPrincipalCache.generation()).toBeGreaterThan(before), {
      timeout: 2_000,
      interval: 10,
    });
    expect(tokenPrincipalCache.get(hashToken(victim.value), Date.now())).toBeNull();
    // A change while nobody listens is not missed: the reconnected cache starts empty.
    await otherInstance.query("delete from access_token where id = $1", [victim.token.id]);
    expect(await resolveTokenPrincipal(victim.value)).toBeNull();
    const survivor = await createTestToken({ role: "reader" });
    await resolveIntoCache(survivor.value);
  });
});
