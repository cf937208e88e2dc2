import type { Policy } from "@/lib/schemas/policy";
import type { Principal } from "@/lib/server/access/principal";

/**
 * Who calls, in the order of the columns of every row's `expect`:
 * - no credentials, and tokens that authenticate nothing: unknown, expired, deleted;
 * - service tokens with the built-in `reader`, `writer` and `admin` roles, and with inline policies: the minimum a sync
 *   tool needs (`createSegment` + `updateIncluded` on every segment, the dashboard's "Sync tool" preset), everything in
 *   one environment (`production` of the matrix's project), everything on segments `amplitude-*`;
 * - a personal `admin` token whose member has since been lowered to `reader` (it may never exceed its member);
 * - dashboard sessions (a real next-auth cookie) of members with each built-in role, of a deleted member, a cookie signed
 *   with another secret, and an admin's session writing from another site (CSRF).
 */
export const PRINCIPALS = [
  "none",
  "unknown",
  "expired",
  "deleted",
  "reader",
  "sync",
  "oneEnv",
  "amplitude",
  "writer",
  "admin",
  "downgraded",
  "s:owner",
  "s:admin",
  "s:writer",
  "s:reader",
  "s:no_access",
  "s:deleted",
  "s:forged",
  "s:crossSite",
] as const;
export type PrincipalId = (typeof PRINCIPALS)[number];

export const SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

export function oneEnvironmentPolicy(projectKey: string): Policy {
  const environment = `proj/${projectKey}:env/production`;
  return [
    {
      effect: "allow",
      actions: ["*"],
      resources: [environment, `${environment}:segment/*`, `${environment}:integration/*`],
    },
  ];
}

export const AMPLITUDE_POLICY: Policy = [
  { effect: "allow", actions: ["*"], resources: ["proj/*:env/*:segment/amplitude-*"] },
];

type Environment = { id: string; key: string; projectId: string; clientSideId: string };

/** What the fixtures aim at: one project with two environments, and objects every read can share. */
export type AuthzWorld = {
  projectKey: string;
  production: Environment;
  test: Environment;
  segmentKey: string;
  amplitudeSegmentKey: string;
  storeId: string;
  roleKey: string;
  memberId: string;
  tokenId: string;
  /** Creates what a fixture needs where the API would ask for a principal. */
  admin: Principal;
};

export type CellRequest = {
  /** Path and query, as sent. */
  path: string;
  params: Record<string, string>;
  body?: unknown;
};

export type FixtureContext = {
  world: AuthzWorld;
  /** The calling principal as the API resolves it; null when it authenticates nothing. */
  principal: Principal | null;
};

export type MatrixRow = {
  /** `METHOD /path/{param}` exactly as the route file's place under app/ gives it. */
  route: string;
  /** Tells rows of one route apart. */
  variant?: string;
  /** A valid request against seeded data; called once per cell, so whatever it changes is fresh. */
  request: (context: FixtureContext) => Promise<CellRequest> | CellRequest;
  /** One status per principal, in the order of `PRINCIPALS`; `|` only groups columns for reading. */
  expect: string;
};

/** The statuses of a row, one per principal; throws when the row has the wrong number of columns. */
export function expectedStatuses(row: MatrixRow): Record<PrincipalId, number> {
  const statuses = row.expect.replaceAll("|", " ").trim().split(/\s+/).map(Number);
  if (statuses.length !== PRINCIPALS.length || statuses.some((status) => !Number.isInteger(status))) {
    throw new Error(
      `${row.route}${row.variant ? ` (${row.variant})` : ""}: expected ${PRINCIPALS.length} statuses`,
    );
  }
  return Object.fromEntries(PRINCIPALS.map((principal, index) => [principal, statuses[index]])) as Record<
    PrincipalId,
    number
  >;
}
