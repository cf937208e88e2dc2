import type { AccessDecision } from "@/lib/queries/access-check";

export type AlertLocation = { projectKey: string; environmentKey: string };

/** Whether the member may change the environment's alerts (`updateEnvironment`), decided on the server. */
export type AlertWritePermission = { resource: string; decision: AccessDecision };

export const ALERT_PERMISSION_NOTICE_ID = "alert-permissions";
