import * as redeemRoute from "@/app/api/v2/password-links/redeem/route";
import { callRoute } from "@/tests/support/call-route";

let nextAddress = 1;

/** A client address of its own per call site, so one test's uses of links do not spend another's per-address budget. */
export function freshClientAddress(): string {
  nextAddress += 1;
  return `198.51.100.${nextAddress % 250}`;
}

/** The secret at the end of an invite or reset link. */
export function linkSecret(url: string): string {
  const secret = new URL(url).pathname.split("/").at(-1);
  if (!secret) throw new Error(`no secret in ${url}`);
  return secret;
}

/** What the invite and reset pages post: the link's secret and the new password, with no session or token. */
export function redeemLink(secret: string, password: string, address = freshClientAddress()) {
  return callRoute(redeemRoute.POST, {
    path: "/api/v2/password-links/redeem",
    body: { secret, password },
    headers: { "x-forwarded-for": address },
  });
}
