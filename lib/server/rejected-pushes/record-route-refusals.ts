import "server-only";
import type { RouteRefusal } from "@/lib/server/api/handler";
import { logger } from "@/lib/server/logger";
import { refusalDetailsOf } from "@/lib/server/rejected-pushes/refusal-details";
import type { RefusalEnvironment } from "@/lib/server/rejected-pushes/refusal";
import {
  RECORDED_REFUSAL_STATUSES,
  REFUSAL_MESSAGE_LENGTH,
  REFUSAL_TEXT_LENGTH,
} from "@/lib/server/rejected-pushes/rejected-push-limits";
import { rejectedPushQueue } from "@/lib/server/rejected-pushes/rejected-push-queue";

/** What a route knows of a refused request from its path alone. */
export type RefusalTarget = { integrationKey: string; environment: RefusalEnvironment };

/**
 * A route's `onRefused`: queues a record of each refusal with a recorded status (the token's name and last four, never
 * its value or the Authorization header), written after the response. The environment is the path's, else the
 * client-side ID the body named (`attachRefusalDetails`).
 */
export function recordRouteRefusals(
  targetOf: (refusal: RouteRefusal) => RefusalTarget,
): (refusal: RouteRefusal) => void {
  return (refusal) => {
    try {
      const { error, principal, req } = refusal;
      if (!RECORDED_REFUSAL_STATUSES.has(error.status)) return;
      const target = targetOf(refusal);
      const details = refusalDetailsOf(req);
      const clientSideId = details?.clientSideId ?? null;
      const token = principal?.token ?? null;
      const now = new Date();
      rejectedPushQueue.record({
        integrationKey: target.integrationKey.slice(0, REFUSAL_TEXT_LENGTH),
        status: error.status,
        reasonCode: error.code,
        message: error.message.slice(0, REFUSAL_MESSAGE_LENGTH),
        token: token && { id: token.id, name: token.name, ending: token.ending },
        environment: target.environment ?? (clientSideId === null ? null : { clientSideId }),
        clientSideId,
        memberSample: details?.memberSample ?? [],
        count: 1,
        firstAt: now,
        lastAt: now,
      });
    } catch (error) {
      logger.error("recording a rejected push failed", { error });
    }
  };
}
