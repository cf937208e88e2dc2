import bcrypt from "bcryptjs";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setEnv } from "@/lib/env";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import { signInThroughRoute } from "@/tests/support/auth-route";

const GLOBAL_LIMIT = 6;
const PER_ADDRESS_LIMIT = 3;

function unknownEmail(): string {
  return `${unique("nobody")}@example.test`;
}

beforeAll(() => {
  // Read when the first sign-in creates the limiters, i.e. within this file's first test.
  setEnv("TRIBUTARY_SIGN_IN_LIMIT_PER_MINUTE", String(GLOBAL_LIMIT));
  setEnv("TRIBUTARY_SIGN_IN_LIMIT_PER_IP_PER_MINUTE", String(PER_ADDRESS_LIMIT));
});

beforeEach(async () => {
  await prisma.$executeRaw`DELETE FROM rate_limit WHERE key LIKE 'sign-in%'`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sign-in limits", () => {
  it("refuses an address's attempts past TRIBUTARY_SIGN_IN_LIMIT_PER_IP_PER_MINUTE, not another address's", async () => {
    const { member, password } = await createTestMember();
    for (let attempt = 0; attempt < PER_ADDRESS_LIMIT; attempt++) {
      const answer = await signInThroughRoute({
        email: unknownEmail(),
        password: "guess-1",
        forwardedFor: "203.0.113.9",
      });
      expect(answer.error).toBe("CredentialsSignin");
    }
    const compare = vi.spyOn(bcrypt, "compare");
    // Even the right password: the address has spent its minute, and nothing is checked for it.
    const refused = await signInThroughRoute({ email: member.email, password, forwardedFor: "203.0.113.9" });
    expect(refused.status).toBe(401);
    expect(refused.error).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
    expect(refused.sessionCookie).toBeNull();
    expect(compare).not.toHaveBeenCalled();

    // What a client writes into X-Forwarded-For before the web server appends its peer changes nothing.
    const forged = await signInThroughRoute({
      email: member.email,
      password,
      forwardedFor: "10.9.8.7, 203.0.113.9",
    });
    expect(forged.error).toMatch(/^Too many sign-in attempts/);

    const elsewhere = await signInThroughRoute({
      email: member.email,
      password,
      forwardedFor: "203.0.113.10",
    });
    expect(elsewhere.error).toBeNull();
    expect(elsewhere.sessionCookie).not.toBeNull();
  });

  it("refuses everyone past TRIBUTARY_SIGN_IN_LIMIT_PER_MINUTE, distinct emails and addresses included", async () => {
    const answers = [];
    for (let attempt = 0; attempt < GLOBAL_LIMIT + 3; attempt++) {
      answers.push(
        await signInThroughRoute({
          email: unknownEmail(),
          password: "guess-1",
          forwardedFor: `198.51.100.${attempt}`,
        }),
      );
    }
    const errors = answers.map((answer) => answer.error);
    expect(errors.slice(0, GLOBAL_LIMIT)).toEqual(Array(GLOBAL_LIMIT).fill("CredentialsSignin"));
    for (const error of errors.slice(GLOBAL_LIMIT)) expect(error).toMatch(/^Too many sign-in attempts/);
  });
});
