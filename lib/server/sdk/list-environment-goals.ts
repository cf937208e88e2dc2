import "server-only";
import { findEnvironmentByClientSideId } from "@/lib/server/sync/find-environment-by-client-side-id";

/**
 * LaunchDarkly's client-side SDK endpoint `/sdk/goals/{clientSideId}` lists an environment's experiment goals. Tributary
 * has none, so a known environment has an empty list; an unknown one is 404. Twilio Segment's destination calls it to
 * check the client-side ID it was given.
 */
export async function listEnvironmentGoals(clientSideId: string): Promise<never[]> {
  await findEnvironmentByClientSideId(clientSideId);
  return [];
}
