import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as projectsRoute from "@/app/api/v2/projects/route";
import { prisma } from "@/lib/server/db";
import { MAX_AUTH_BODY_BYTES } from "@/lib/server/auth/sign-in-limits";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import { AUTH_ORIGIN, callAuthRoute, csrf, signInThroughRoute } from "@/tests/support/auth-route";
import { callRoute } from "@/tests/support/call-route";

const MiB = 1024 * 1024;

/** A body of `totalBytes` form bytes handed out in 64 KiB pieces only as the reader asks, counting what it asked for. */
function countingStream(totalBytes: number) {
  const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function randomEmail(length: number): string {
  const domain = "@example.test";
  return (
    randomBytes(length)
      .toString("base64url")
      .slice(0, length - domain.length) + domain
  );
}

beforeEach(async () => {
  // Each test starts with fresh sign-in windows (they are counted in the shared rate_limit table).
  await prisma.$executeRaw`DELETE FROM rate_limit WHERE key LIKE 'sign-in%'`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sign-in through next-auth's route", () => {
  it("signs a member in with a session cookie that authenticates API requests", async () => {
    const { member, password } = await createTestMember({ role: "reader" });
    const signedIn = await signInThroughRoute({ email: member.email, password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.error).toBeNull();
    expect(signedIn.sessionCookie).not.toBeNull();

    const projects = await callRoute(projectsRoute.GET, {
      path: "/api/v2/projects",
      headers: { cookie: signedIn.sessionCookie ?? "" },
    });
    expect(projects.status).toBe(200);
  });

  it("answers a 3,000-character email with the generic failure, never the database's text", async () => {
    const signedIn = await signInThroughRoute({ email: randomEmail(3000), password: "whatever-1" });
    expect(signedIn.status).toBe(401);
    expect(signedIn.error).toBe("CredentialsSignin");
    expect(signedIn.text).not.toMatch(/index|btree|prisma|postgres|row size/i);
  });

  it("answers a 2,000-character password the same way, without hashing it", async () => {
    const { member } = await createTestMember();
    const compare = vi.spyOn(bcrypt, "compare");
    const signedIn = await signInThroughRoute({ email: member.email, password: "p".repeat(2000) });
    expect(signedIn.error).toBe("CredentialsSignin");
    expect(compare).not.toHaveBeenCalled();
  });

  it("checks an unknown email's password against a hash of the members' cost, as long as a member's takes", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const signedIn = await signInThroughRoute({
      email: `${unique("nobody")}@example.test`,
      password: "guess-1",
    });
    expect(signedIn.error).toBe("CredentialsSignin");
    expect(compare).toHaveBeenCalledTimes(1);
    const hash = compare.mock.calls[0]?.[1];
    // Members' passwords are hashed at cost 10 (create-member.ts, ensure-owner.ts).
    expect(typeof hash === "string" ? bcrypt.getRounds(hash) : null).toBe(10);
  });

  it("lets at most five of eight parallel wrong guesses for one email reach the password check", async () => {
    const { member } = await createTestMember();
    const compare = vi.spyOn(bcrypt, "compare");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        signInThroughRoute({
          email: member.email,
          password: `wrong-${index}`,
          forwardedFor: `198.51.100.${index}`,
        }),
      ),
    );
    expect(compare.mock.calls.length).toBeLessThanOrEqual(5);
    const throttled = answers.filter((answer) => answer.error?.startsWith("Too many failed sign-ins"));
    expect(throttled.length).toBeGreaterThanOrEqual(3);
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
  });

  it.each([
    ["a NUL in the email", "nobody\u0000@example.test", "guess-1"],
    ["an empty email", "", "guess-1"],
    ["an email of spaces", "   ", "guess-1"],
    ["an empty password", "nobody@example.test", ""],
    ["a lone surrogate's replacement", "\uFFFD@example.test", "guess-1"],
  ])("answers %s as wrong credentials, not as a failure of the app", async (_, email, password) => {
    const signedIn = await signInThroughRoute({ email, password });
    expect(signedIn.status).toBe(401);
    expect(signedIn.error).toBe("CredentialsSignin");
  });

  it.each([
    ["callback/credentials", "%%%&email=%00&password"],
    ["callback/credentials", "email=a&email=b&password=c&password=d"],
    ["callback/credentials", ""],
    ["callback/nonsense", "email=a&password=b"],
    ["signin/credentials", "callbackUrl=javascript%3Aalert(1)"],
    ["session", "data=%7B%22user%22%3A1%7D"],
    ["_log", "level=constructor&code=x"],
    ["signout", "callbackUrl=%2F%5Cevil.example"],
    ["nonsense", "a=b"],
  ])("answers POST /api/auth/%s with a form of %j without a 500", async (path, form) => {
    const { cookie } = await csrf();
    const answer = await callAuthRoute({
      path,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: form,
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers.get("location") ?? "").not.toMatch(/evil|javascript/);
  });

  it("refuses a 20 MB body declared by Content-Length without reading any of it", async () => {
    const { stream, pulled } = countingStream(20 * MiB);
    const answer = await callAuthRoute({
      path: "callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(20 * MiB) },
      body: stream,
    });
    expect(answer.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("cuts off a 20 MB body sent without a length once it passes the limit", async () => {
    const { stream, pulled } = countingStream(20 * MiB);
    const answer = await callAuthRoute({
      path: "callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: "payload_too_large" });
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_AUTH_BODY_BYTES + 2 * 64 * 1024);
  });

  it("refuses a body that is not a form with 415", async () => {
    const answer = await callAuthRoute({
      path: "callback/credentials",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.test", password: "x" }),
    });
    expect(answer.status).toBe(415);
  });

  it.each([
    ["session?callbackUrl=http%3A%2F%2F%5B%3A%3A1", {}],
    ["signin?callbackUrl=javascript%3Aalert(1)", {}],
    ["session", { cookie: "next-auth.callback-url=javascript%3Aalert(1)" }],
    ["csrf?callbackUrl=relative-path", {}],
  ])("answers GET /api/auth/%s with a hostile callback URL without a 500", async (path, headers) => {
    const answer = await callAuthRoute({ path, headers });
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers.get("location") ?? "").not.toMatch(/javascript|evil/);
  });

  it("never sends the browser off-site after signing in, whatever the callback URL", async () => {
    const { member, password } = await createTestMember();
    for (const callbackUrl of [
      "/\\evil.example/x",
      "/\t/evil.example/x",
      "//evil.example",
      "javascript:alert(1)",
    ]) {
      await prisma.signInThrottle.deleteMany({ where: { email: member.email } });
      const signedIn = await signInThroughRoute({ email: member.email, password, callbackUrl });
      expect(signedIn.error).toBeNull();
      expect(new URL(signedIn.url ?? "").origin).toBe(AUTH_ORIGIN);
    }
    const hostileQuery = await signInThroughRoute({
      email: member.email,
      password,
      path: "callback/credentials?callbackUrl=http%3A%2F%2F%5B%3A%3A1",
    });
    expect(hostileQuery.status).toBe(200);
  });

  it("signs out with a POST whose form is read within the limit", async () => {
    const { csrfToken, cookie } = await csrf();
    const answer = await callAuthRoute({
      path: "signout",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    });
    expect(answer.status).toBe(200);
    expect(new URL((answer.json as { url: string }).url).origin).toBe(AUTH_ORIGIN);
  });
});
