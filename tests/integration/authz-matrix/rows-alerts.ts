import { prisma } from "@/lib/server/db";
import { environmentParams } from "@/tests/integration/authz-matrix/fixtures";
import type { AuthzWorld, MatrixRow } from "@/tests/integration/authz-matrix/principals";

const BASE = "/api/v2/alerts/{projectKey}/{environmentKey}";

function alertsPath(world: AuthzWorld, suffix: string, extra: Record<string, string> = {}) {
  return {
    path: `/api/v2/alerts/${world.projectKey}/production${suffix}`,
    params: { ...environmentParams(world), ...extra },
  };
}

async function freshRule(world: AuthzWorld) {
  return prisma.alertRule.create({
    data: { environmentId: world.production.id, kind: "sync_failed", name: "Failed" },
  });
}

async function freshDestination(world: AuthzWorld) {
  // A name that never resolves (RFC 6761), so a test message fails at once without leaving the machine.
  return prisma.alertDestination.create({
    data: {
      environmentId: world.production.id,
      kind: "webhook",
      name: "Hook",
      url: "https://alerts.invalid/h",
      secret: "s",
    },
  });
}

const READ = "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200";
const write = (status: number) =>
  `401 401 401 401 | 403 404 ${status} 404 ${status} ${status} 403 | ${status} ${status} ${status} 403 404 401 401 403`;

/** Alert rules, destinations, deliveries and incidents: reads need viewEnvironment, writes updateEnvironment. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const ALERT_ROWS: readonly MatrixRow[] = [
  { route: `GET ${BASE}/rules`, request: ({ world }) => alertsPath(world, "/rules"), expect: READ },
  {
    route: `POST ${BASE}/rules`,
    request: ({ world }) => ({
      ...alertsPath(world, "/rules"),
      body: { kind: "sync_failed", name: "Failed" },
    }),
    expect: write(201),
  },
  {
    route: `PATCH ${BASE}/rules/{ruleId}`,
    request: async ({ world }) => {
      const rule = await freshRule(world);
      return { ...alertsPath(world, `/rules/${rule.id}`, { ruleId: rule.id }), body: { name: "Renamed" } };
    },
    expect: write(200),
  },
  {
    route: `DELETE ${BASE}/rules/{ruleId}`,
    request: async ({ world }) => {
      const rule = await freshRule(world);
      return alertsPath(world, `/rules/${rule.id}`, { ruleId: rule.id });
    },
    expect: write(204),
  },
  {
    route: `GET ${BASE}/destinations`,
    request: ({ world }) => alertsPath(world, "/destinations"),
    expect: READ,
  },
  {
    route: `POST ${BASE}/destinations`,
    request: ({ world }) => ({
      ...alertsPath(world, "/destinations"),
      body: { kind: "webhook", name: "Hook", url: "https://alerts.invalid/h" },
    }),
    expect: write(201),
  },
  {
    route: `PATCH ${BASE}/destinations/{destinationId}`,
    request: async ({ world }) => {
      const destination = await freshDestination(world);
      return {
        ...alertsPath(world, `/destinations/${destination.id}`, { destinationId: destination.id }),
        body: { name: "Renamed" },
      };
    },
    expect: write(200),
  },
  {
    route: `DELETE ${BASE}/destinations/{destinationId}`,
    request: async ({ world }) => {
      const destination = await freshDestination(world);
      return alertsPath(world, `/destinations/${destination.id}`, { destinationId: destination.id });
    },
    expect: write(204),
  },
  {
    route: `POST ${BASE}/destinations/{destinationId}/test`,
    request: async ({ world }) => {
      const destination = await freshDestination(world);
      return alertsPath(world, `/destinations/${destination.id}/test`, { destinationId: destination.id });
    },
    expect: write(202),
  },
  { route: `GET ${BASE}/deliveries`, request: ({ world }) => alertsPath(world, "/deliveries"), expect: READ },
  { route: `GET ${BASE}/incidents`, request: ({ world }) => alertsPath(world, "/incidents"), expect: READ },
];
