import { ALERT_ROWS } from "@/tests/integration/authz-matrix/rows-alerts";
import { IDENTITY_AUDIT_ROWS } from "@/tests/integration/authz-matrix/rows-identity-audit";
import { INVITE_ROWS } from "@/tests/integration/authz-matrix/rows-invites";
import { PROJECT_ROWS } from "@/tests/integration/authz-matrix/rows-projects";
import { SEGMENT_MEMBERSHIP_ROWS } from "@/tests/integration/authz-matrix/rows-segment-members";
import { SEGMENT_ROWS } from "@/tests/integration/authz-matrix/rows-segments";
import { STORE_ROWS } from "@/tests/integration/authz-matrix/rows-stores";
import { TEAM_ROWS } from "@/tests/integration/authz-matrix/rows-team";
import type { MatrixRow } from "@/tests/integration/authz-matrix/principals";

// The principals, the row type and the fixtures live in tests/integration/authz-matrix/; the rows, one file per domain.
export {
  AMPLITUDE_POLICY,
  PRINCIPALS,
  SYNC_POLICY,
  expectedStatuses,
  oneEnvironmentPolicy,
  type AuthzWorld,
  type CellRequest,
  type FixtureContext,
  type MatrixRow,
  type PrincipalId,
} from "@/tests/integration/authz-matrix/principals";

/** Routes that answer without a principal by design: every caller gets the same status. */
export const PUBLIC_ROUTES: readonly { route: string; status: number; reason: string }[] = [
  { route: "GET /api/openapi.json", status: 200, reason: "the API description, public like LaunchDarkly's" },
  {
    route: "GET /api/v2/openapi.json",
    status: 200,
    reason: "the same description where LaunchDarkly serves it",
  },
];

/** Routes the matrix does not call, and why. */
export const EXCLUDED_ROUTES: readonly { route: string; reason: string }[] = [
  {
    route: "GET /api/auth/[...nextauth]",
    reason: "next-auth's own endpoints (sign-in is tested in sign-in.test.ts)",
  },
  {
    route: "POST /api/auth/[...nextauth]",
    reason: "next-auth's own endpoints (sign-in is tested in sign-in.test.ts)",
  },
  {
    route: "POST /api/v2/password-links/redeem",
    reason:
      "the public form behind invite and reset links: no principal, limited per client address (invites-access.test.ts)",
  },
];

/** Every row the matrix calls; a new row goes in the file of its domain. */
export const MATRIX: readonly MatrixRow[] = [
  ...IDENTITY_AUDIT_ROWS,
  ...STORE_ROWS,
  ...ALERT_ROWS,
  ...TEAM_ROWS,
  ...INVITE_ROWS,
  ...PROJECT_ROWS,
  ...SEGMENT_ROWS,
  ...SEGMENT_MEMBERSHIP_ROWS,
];
