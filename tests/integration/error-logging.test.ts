import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiHandler } from "@/lib/server/api/handler";
import { noContent } from "@/lib/server/api/responses";
import { pgPool, prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

/** The logger writes errors to stderr: what it wrote during the test. */
let logged = "";

beforeEach(() => {
  logged = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
});

afterEach(() => vi.restoreAllMocks());

function routeFailingWith(failure: () => Promise<unknown>) {
  return apiHandler(
    async () => {
      await failure();
      return noContent();
    },
    { route: "GET /test/failing-statement" },
  );
}

async function call(failure: () => Promise<unknown>) {
  const { value } = await createTestToken({ role: "reader" });
  return callRoute(routeFailingWith(failure), { path: "/test/failing-statement", token: value });
}

function errorLines(): Record<string, unknown>[] {
  return logged
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.message === "unexpected error");
}

describe("logging a failed statement", () => {
  it("logs a Prisma query error's class and codes, never its call or parameters (a token hash)", async () => {
    const hash = unique("hash-that-must-not-be-logged");
    const response = await call(() => prisma.accessToken.findFirst({ where: { hashedValue: `${hash}\0` } }));
    // A NUL the database cannot take is the client's error, not the server's.
    expectError(response, 400, "invalid_request");
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain("findFirst");
    expect(errorLines()).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({ name: "PrismaClientKnownRequestError", sqlState: "22021" }),
      }),
    ]);
  });

  it("logs a Prisma validation error without the call it prints", async () => {
    const hash = unique("hash-that-must-not-be-logged");
    const response = await call(() =>
      prisma.accessToken.findFirst({ where: { hashedValue: hash, createdAt: { lt: new Date(Number.NaN) } } }),
    );
    expectError(response, 500, "internal_server_error");
    expect(logged).not.toContain(hash);
    expect(errorLines()).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ name: "PrismaClientValidationError" }) }),
    ]);
  });

  it("logs a PostgreSQL error without the value it quotes", async () => {
    const value = unique("value-that-must-not-be-logged");
    const response = await call(() => pgPool().query("SELECT $1::integer", [value]));
    expectError(response, 400, "invalid_request");
    expect(logged).not.toContain(value);
    expect(errorLines()).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ sqlState: "22P02" }) }),
    ]);
  });

  it("keeps an ordinary error's first line, with quoted values redacted, and its stack frames", async () => {
    const response = await call(() => Promise.reject(new Error('lost "secret-ish" state\nsecond line')));
    expectError(response, 500, "internal_server_error");
    const [line] = errorLines();
    expect(line?.error).toMatchObject({ name: "Error", message: "lost [redacted] state" });
    expect(String((line?.error as { stack?: unknown }).stack)).toMatch(/^\s+at /);
    expect(logged).not.toContain("secret-ish");
    expect(logged).not.toContain("second line");
  });
});
