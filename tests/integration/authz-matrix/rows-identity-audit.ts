import { prisma } from "@/lib/server/db";
import type { MatrixRow } from "@/tests/integration/authz-matrix/principals";

/** Access checks, the audit log, the caller's identity and the catalogues every principal reads. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const IDENTITY_AUDIT_ROWS: readonly MatrixRow[] = [
  {
    route: "POST /api/v2/access/check",
    request: () => ({
      path: "/api/v2/access/check",
      params: {},
      body: { checks: [{ action: "viewSegment", resource: "proj/a:env/b:segment/c" }] },
    }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 403",
  },
  {
    route: "GET /api/v2/auditlog",
    request: () => ({ path: "/api/v2/auditlog", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "GET /api/v2/auditlog/{id}",
    request: async ({ world }) => {
      const entry = await prisma.auditEntry.create({
        data: {
          kind: "project",
          name: world.projectKey,
          description: "An entry about the matrix's project",
          target: `proj/${world.projectKey}`,
        },
      });
      return { path: `/api/v2/auditlog/${entry.id}`, params: { id: entry.id } };
    },
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "GET /api/v2/caller-identity",
    request: () => ({ path: "/api/v2/caller-identity", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "POST /api/v2/auditlog",
    request: ({ world }) => ({
      path: "/api/v2/auditlog",
      params: {},
      body: [{ effect: "allow", resources: [`proj/${world.projectKey}`] }],
    }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 403",
  },
  {
    route: "GET /api/v2/integrations",
    request: () => ({ path: "/api/v2/integrations", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
  {
    route: "GET /api/v2/versions",
    request: () => ({ path: "/api/v2/versions", params: {} }),
    expect: "401 401 401 401 | 200 200 200 200 200 200 200 | 200 200 200 200 200 401 401 200",
  },
];
