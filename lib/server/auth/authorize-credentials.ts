import "server-only";
import { env } from "@/lib/env";
import { signInCredentialsSchema } from "@/lib/schemas/sign-in";
import {
  authenticateMember,
  SignInThrottledError,
  type AuthenticatedMember,
} from "@/lib/server/auth/authenticate-member";
import { clientAddress } from "@/lib/server/auth/client-address";
import { consumeSignInAttempt } from "@/lib/server/auth/consume-sign-in-attempt";
import { SIGN_IN_FAILED_MESSAGE, tooManySignInAttemptsMessage } from "@/lib/server/auth/sign-in-limits";
import { logger } from "@/lib/server/logger";

/** A refusal whose message the sign-in page may show as it is. */
class SignInRefusedError extends Error {}

async function attemptSignIn(credentials: unknown, forwardedFor: string | undefined) {
  const address = clientAddress(forwardedFor, env().TRIBUTARY_TRUSTED_PROXIES);
  const waitSeconds = await consumeSignInAttempt(address);
  if (waitSeconds !== null) throw new SignInRefusedError(tooManySignInAttemptsMessage(waitSeconds));
  const parsed = signInCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  return authenticateMember(parsed.data.email, parsed.data.password);
}

/**
 * next-auth's `authorize` for the sign-in form: counts the attempt against the global and per-address limits, refuses
 * over-long or missing fields as wrong credentials, then checks the password. next-auth puts a thrown error's message
 * into the redirect URL, so only our own refusals keep theirs: anything else is logged and becomes a generic message.
 */
export async function authorizeCredentials(
  credentials: unknown,
  forwardedFor: string | undefined,
): Promise<AuthenticatedMember | null> {
  try {
    return await attemptSignIn(credentials, forwardedFor);
  } catch (error) {
    if (error instanceof SignInRefusedError || error instanceof SignInThrottledError) throw error;
    logger.error("sign-in failed", { error });
    throw new Error(SIGN_IN_FAILED_MESSAGE);
  }
}
