import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import type { PasswordLinkKind } from "@/lib/schemas/invite";
import { logger } from "@/lib/server/logger";

/** The longest a mail server may take to accept a connection, greet, or answer a command. */
export const SMTP_TIMEOUT_MS = 10_000;

const SUBJECTS: Record<PasswordLinkKind, string> = {
  invite: "You are invited to Tributary",
  reset: "Reset your Tributary password",
};

const INTROS: Record<PasswordLinkKind, string> = {
  invite: "You have been invited to Tributary. Open this link to choose your password:",
  reset:
    "A password reset was requested for your Tributary account. Open this link to choose a new password:",
};

export type PasswordLinkEmail = { to: string; kind: PasswordLinkKind; url: string; expiresAt: Date };

/**
 * Sends a link by email when SMTP is configured (`TRIBUTARY_SMTP_URL`); returns whether the server accepted it. A failure
 * is logged (never with the link) and reported as not sent: whoever issued the link still has it to pass on.
 */
export async function sendPasswordLinkEmail(email: PasswordLinkEmail): Promise<boolean> {
  const { TRIBUTARY_SMTP_URL: url, TRIBUTARY_MAIL_FROM: from } = env();
  if (url === undefined) return false;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from,
      to: email.to,
      subject: SUBJECTS[email.kind],
      text: `${INTROS[email.kind]}\n\n${email.url}\n\nThe link works once and expires at ${email.expiresAt.toISOString()}.\n`,
    });
    return true;
  } catch (error) {
    logger.error("password link email failed", { kind: email.kind, error });
    return false;
  } finally {
    transport.close();
  }
}
