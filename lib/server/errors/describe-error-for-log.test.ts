import { describe, expect, it } from "vitest";
import { describeErrorForLog, MAX_LOGGED_ERROR_MESSAGE_CHARS } from "./describe-error-for-log";

class PrismaClientValidationError extends Error {
  override name = "PrismaClientValidationError";
}

describe("describeErrorForLog", () => {
  it("withholds the message of Prisma's errors, which print the call and its arguments", () => {
    const error = new PrismaClientValidationError(
      'Invalid `prisma.accessToken.findFirst()` invocation:\n{ where: { hashedValue: "deadbeef" } }',
    );
    const described = describeErrorForLog(error);
    expect(JSON.stringify(described)).not.toContain("deadbeef");
    expect(described).toMatchObject({
      name: "PrismaClientValidationError",
      class: "PrismaClientValidationError",
    });
  });

  it("withholds a database error's message and keeps its SQLSTATE, also behind Prisma's driver adapter", () => {
    const pgError = Object.assign(
      new Error('value "123456789012345678901" is out of range for type bigint'),
      {
        code: "22003",
        severity: "ERROR",
        detail: "Key (hashed_value)=(deadbeef)",
      },
    );
    const described = describeErrorForLog(pgError);
    expect(described).toMatchObject({ sqlState: "22003", code: "22003" });
    expect(JSON.stringify(described)).not.toMatch(/123456789012345678901|deadbeef/);
    const adapter = Object.assign(new Error("wrapped"), {
      code: "P2039",
      meta: { driverAdapterError: { cause: { originalCode: "22021" } } },
    });
    expect(describeErrorForLog(adapter)).toMatchObject({ code: "P2039", sqlState: "22021" });
  });

  it("keeps an ordinary error's first line, redacting quoted values and cutting it short", () => {
    expect(describeErrorForLog(new Error("no 'secret' here\nsecond")).message).toBe("no [redacted] here");
    const long = describeErrorForLog(new Error("x".repeat(1_000))).message ?? "";
    expect(long.length).toBe(MAX_LOGGED_ERROR_MESSAGE_CHARS + 1);
  });

  it("logs the stack frames without the stack's first line, which repeats the message", () => {
    const error = new Error('lost "value"');
    const stack = describeErrorForLog(error).stack ?? "";
    expect(stack).not.toContain("value");
    expect(stack.split("\n").every((line) => line.trimStart().startsWith("at "))).toBe(true);
  });
});
