import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { toApiError } from "./to-api-error";

describe("toApiError", () => {
  it("maps an unreachable database (connection refused, pool timeout, shutdown) to 503", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new Error("query failed", { cause: refused });
    const timeout = new Error("timeout exceeded when trying to connect");
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    });
    const socketGone = Object.assign(new Error("connect ENOENT /data/postgres/.s.PGSQL.5432"), {
      code: "ENOENT",
      syscall: "connect",
    });
    for (const error of [refused, wrapped, timeout, shutdown, socketGone]) {
      const { apiError, unexpected } = toApiError(error);
      expect(apiError.code).toBe("service_unavailable");
      expect(apiError.status).toBe(503);
      expect(unexpected).toBe(false);
    }
  });

  it("maps validation, conflicts and not-found, and hides anything unexpected behind an opaque 500", () => {
    const zod = z.object({ name: z.string() }).safeParse({});
    expect(zod.success).toBe(false);
    if (!zod.success) expect(toApiError(zod.error).apiError.code).toBe("invalid_request");
    expect(toApiError(Object.assign(new Error("unique"), { code: "P2002" })).apiError.status).toBe(409);
    expect(toApiError(Object.assign(new Error("missing"), { code: "P2025" })).apiError.status).toBe(404);
    expect(toApiError(new ApiError("forbidden", "no")).apiError.status).toBe(403);
    const missingFile = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT", syscall: "open" });
    expect(toApiError(missingFile).apiError.status).toBe(500);
    const secret = toApiError(new Error("SELECT password_hash FROM member"));
    expect(secret.apiError.status).toBe(500);
    expect(secret.apiError.message).not.toContain("password");
    expect(secret.unexpected).toBe(true);
  });

  it("maps a data exception (SQLSTATE class 22) from pg or from Prisma's driver adapter to 400, still logged", () => {
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: "22021",
      severity: "ERROR",
    });
    const prismaWrapped = Object.assign(new Error("Invalid `prisma.project.findUnique()` invocation"), {
      code: "P2039",
      meta: { driverAdapterError: { cause: { originalCode: "22003", kind: "postgres" } } },
    });
    for (const error of [nul, prismaWrapped]) {
      const { apiError, unexpected } = toApiError(error);
      expect(apiError.status).toBe(400);
      expect(apiError.message).not.toContain("prisma");
      expect(unexpected).toBe(true);
    }
    // Node's own five-letter codes are not SQLSTATEs.
    expect(toApiError(Object.assign(new Error("write EPIPE"), { code: "22PIP" })).apiError.status).toBe(500);
  });
});
