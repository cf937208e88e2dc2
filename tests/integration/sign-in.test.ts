import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { authenticateMember, SignInThrottledError } from "@/lib/server/auth/authenticate-member";
import { createTestMember } from "@/tests/factories/members";

describe("authenticateMember", () => {
  it("accepts the right password (email case-insensitive) and audits the sign-in", async () => {
    const { member, password } = await createTestMember();
    const result = await authenticateMember(member.email.toUpperCase(), password);
    expect(result).toMatchObject({ id: member.id, email: member.email });
    const audit = await prisma.auditEntry.findFirst({ where: { memberId: member.id, kind: "session" } });
    expect(audit?.description).toContain("signed in");
  });

  it("refuses a wrong password and an unknown email, auditing the failure without the password", async () => {
    const { member } = await createTestMember();
    expect(await authenticateMember(member.email, "wrong-password-1")).toBeNull();
    expect(await authenticateMember("nobody-at-all@example.test", "wrong-password-1")).toBeNull();
    const failures = await prisma.auditEntry.findMany({
      where: { memberEmail: member.email, kind: "session" },
    });
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(failures)).not.toContain("wrong-password-1");
  });

  it("slows one email down after five failures in a row, without affecting another email", async () => {
    const { member, password } = await createTestMember();
    const other = await createTestMember();
    for (let attempt = 0; attempt < 5; attempt++)
      expect(await authenticateMember(member.email, "nope")).toBeNull();
    await expect(authenticateMember(member.email, password)).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await authenticateMember(other.member.email, other.password)).not.toBeNull();

    // Once the delay has passed, the right password works again and resets the count.
    await prisma.signInThrottle.update({
      where: { email: member.email },
      data: { lastFailureAt: new Date(Date.now() - 60_000) },
    });
    expect(await authenticateMember(member.email, password)).not.toBeNull();
    expect(await prisma.signInThrottle.findUnique({ where: { email: member.email } })).toBeNull();
  });
});
