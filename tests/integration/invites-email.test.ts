import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as invitesRoute from "@/app/api/v2/invites/route";
import * as resetRoute from "@/app/api/v2/members/[memberId]/password-reset/route";
import * as membersRoute from "@/app/api/v2/members/route";
import { setEnv } from "@/lib/env";
import type { InviteCreated, PasswordLinkIssued } from "@/lib/schemas/invite";
import type { MemberResponse } from "@/lib/schemas/member";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { linkSecret, redeemLink } from "@/tests/support/password-links";
import { startSmtpCapture } from "@/tests/support/smtp-capture";

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let adminToken: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  setEnv("TRIBUTARY_SMTP_URL", `smtp://mailer:secret@127.0.0.1:${smtp.port}`);
  setEnv("TRIBUTARY_MAIL_FROM", "Tributary <tributary@example.test>");
  adminToken = (await createTestToken({ role: "admin" })).value;
});

afterAll(async () => {
  await smtp.close();
});

function mailTo(email: string) {
  return smtp.messages.filter((message) => message.to.includes(email));
}

describe("with SMTP configured", () => {
  it("an invite's link arrives by email, and works", async () => {
    const email = `${unique("mailed")}@example.test`;
    const answer = await callRoute(invitesRoute.POST, {
      path: "/api/v2/invites",
      token: adminToken,
      body: { email, role: "reader" },
    });
    const { link } = answer.json as InviteCreated;
    expect(link.emailed).toBe(true);
    const [mail] = mailTo(email);
    expect(mail?.from).toBe("tributary@example.test");
    expect(mail?.text).toContain("Subject: You are invited to Tributary");
    expect(mail?.text).toContain(link.url);
    expect((await redeemLink(linkSecret(link.url), "chosen-by-the-invitee")).status).toBe(200);
  });

  it("LaunchDarkly's list of invites emails each link, which its answer never holds", async () => {
    const emails = [`${unique("ld-a")}@example.test`, `${unique("ld-b")}@example.test`];
    const answer = await callRoute(membersRoute.POST, {
      path: "/api/v2/members",
      token: adminToken,
      body: emails.map((email) => ({ email })),
    });
    expect(answer.status).toBe(201);
    expect((answer.json as { items: MemberResponse[] }).items.every((member) => member._pendingInvite)).toBe(
      true,
    );
    for (const email of emails) {
      const [mail] = mailTo(email);
      const url = /http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? "")?.[0];
      expect(url).toBeDefined();
      expect(JSON.stringify(answer.json)).not.toContain(linkSecret(url ?? ""));
    }
  });

  it("a reset link arrives by email", async () => {
    const { member } = await createTestMember({ role: "reader" });
    const answer = await callRoute(resetRoute.POST, {
      method: "POST",
      path: `/api/v2/members/${member.id}/password-reset`,
      params: { memberId: member.id },
      token: adminToken,
    });
    const link = answer.json as PasswordLinkIssued;
    expect(link.emailed).toBe(true);
    expect(mailTo(member.email).at(-1)?.text).toContain(link.url);
  });

  it("a mail server that refuses leaves the link to be shown, not lost", async () => {
    setEnv("TRIBUTARY_SMTP_URL", "smtp://127.0.0.1:1");
    const answer = await callRoute(invitesRoute.POST, {
      path: "/api/v2/invites",
      token: adminToken,
      body: { email: `${unique("unsent")}@example.test`, role: "reader" },
    });
    setEnv("TRIBUTARY_SMTP_URL", `smtp://127.0.0.1:${smtp.port}`);
    expect(answer.status).toBe(201);
    expect((answer.json as InviteCreated).link).toMatchObject({
      emailed: false,
      url: expect.stringContaining("/invite/"),
    });
  });
});
