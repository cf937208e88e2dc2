import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { RENAME } from "@/tests/integration/authz-matrix/fixtures";
import { SYNC_POLICY, type AuthzWorld, type MatrixRow } from "@/tests/integration/authz-matrix/principals";

async function freshRole() {
  return prisma.customRole.create({ data: { key: unique("role"), name: "Role", policy: SYNC_POLICY } });
}

async function freshServiceTokenId(world: AuthzWorld) {
  const { token } = await createTestToken({ role: "reader", memberId: world.admin.member.id });
  return token.id;
}

/** The team: members, custom roles and access tokens. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const TEAM_ROWS: readonly MatrixRow[] = [
  {
    route: "GET /api/v2/members/{memberId}",
    request: ({ world }) => ({
      path: `/api/v2/members/${world.memberId}`,
      params: { memberId: world.memberId },
    }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/members/{memberId}",
    request: async () => {
      const { member } = await createTestMember({ role: "reader" });
      return {
        path: `/api/v2/members/${member.id}`,
        params: { memberId: member.id },
        body: [{ op: "replace", path: "/firstName", value: "Ada" }],
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "PATCH /api/v2/members/{memberId}",
    variant: "lower a writer to reader",
    request: async () => {
      const { member } = await createTestMember({ role: "writer" });
      return {
        path: `/api/v2/members/${member.id}`,
        params: { memberId: member.id },
        body: [{ op: "replace", path: "/role", value: "reader" }],
      };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/members/{memberId}",
    request: async () => {
      const { member } = await createTestMember({ role: "reader" });
      return { path: `/api/v2/members/${member.id}`, params: { memberId: member.id } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/members",
    request: () => ({ path: "/api/v2/members", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/members",
    request: () => ({
      path: "/api/v2/members",
      params: {},
      body: { email: `${unique("new")}@example.test`, password: "correct-horse-battery", role: "reader" },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "GET /api/v2/roles/{roleKey}",
    request: ({ world }) => ({ path: `/api/v2/roles/${world.roleKey}`, params: { roleKey: world.roleKey } }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/roles/{roleKey}",
    request: async () => {
      const role = await freshRole();
      return { path: `/api/v2/roles/${role.key}`, params: { roleKey: role.key }, body: RENAME };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/roles/{roleKey}",
    request: async () => {
      const role = await freshRole();
      return { path: `/api/v2/roles/${role.key}`, params: { roleKey: role.key } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/roles",
    request: () => ({ path: "/api/v2/roles", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/roles",
    request: () => ({
      path: "/api/v2/roles",
      params: {},
      body: { key: unique("role"), name: "New", policy: SYNC_POLICY },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/tokens/{tokenId}/reset",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}/reset`, params: { tokenId } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/tokens/{tokenId}",
    request: ({ world }) => ({ path: `/api/v2/tokens/${world.tokenId}`, params: { tokenId: world.tokenId } }),
    expect: "401 401 401 401 | 200 404 404 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/tokens/{tokenId}",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}`, params: { tokenId }, body: RENAME };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 200 403 | 200 200 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/tokens/{tokenId}",
    request: async ({ world }) => {
      const tokenId = await freshServiceTokenId(world);
      return { path: `/api/v2/tokens/${tokenId}`, params: { tokenId } };
    },
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/tokens",
    request: () => ({ path: "/api/v2/tokens", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/tokens",
    // A personal token: only a session or a personal token creates one, so the admin service token may not.
    request: () => ({ path: "/api/v2/tokens", params: {}, body: { name: unique("token"), role: "reader" } }),
    expect: "401 401 401 401 | 403 403 403 403 403 403 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/tokens",
    variant: "a service token",
    request: () => ({
      path: "/api/v2/tokens",
      params: {},
      body: { name: unique("token"), role: "reader", serviceToken: true },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
];
