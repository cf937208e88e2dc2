import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";
import type { CellRequest, MatrixRow } from "@/tests/integration/authz-matrix/principals";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A member with a live link of `kind`: pending (no password) for an invite, with a password for a reset. */
async function memberWithLink(kind: "invite" | "reset") {
  const member =
    kind === "invite"
      ? await prisma.member.create({ data: { email: `${unique("invited")}@example.test`, role: "reader" } })
      : (await createTestMember({ role: "reader" })).member;
  await prisma.passwordLink.create({
    data: { memberId: member.id, kind, secretHash: unique("hash"), expiresAt: new Date(Date.now() + DAY_MS) },
  });
  return member;
}

async function memberLinkPath(kind: "invite" | "reset"): Promise<CellRequest> {
  const { id } = await memberWithLink(kind);
  const suffix = kind === "invite" ? "invite" : "password-reset";
  return { path: `/api/v2/members/${id}/${suffix}`, params: { memberId: id } };
}

/** Invites, reset links and one's own password (the public link form is in EXCLUDED_ROUTES). */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const INVITE_ROWS: readonly MatrixRow[] = [
  {
    route: "GET /api/v2/invites",
    request: () => ({ path: "/api/v2/invites", params: {} }),
    expect: "401 401 401 401 | 200 403 403 403 200 200 200 | 200 200 200 200 403 401 401 200",
  },
  {
    route: "POST /api/v2/invites",
    request: () => ({
      path: "/api/v2/invites",
      params: {},
      body: { email: `${unique("invite")}@example.test`, role: "reader" },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 201 403 | 201 201 403 403 403 401 401 403",
  },
  {
    route: "POST /api/v2/members/{memberId}/invite",
    request: () => memberLinkPath("invite"),
    expect: "401 401 401 401 | 403 404 404 404 403 201 403 | 201 201 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/members/{memberId}/invite",
    request: () => memberLinkPath("invite"),
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/members/{memberId}/password-reset",
    request: () => memberLinkPath("reset"),
    expect: "401 401 401 401 | 403 404 404 404 403 201 403 | 201 201 403 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/members/{memberId}/password-reset",
    request: () => memberLinkPath("reset"),
    expect: "401 401 401 401 | 403 404 404 404 403 204 403 | 204 204 403 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/account/password",
    // A wrong current password: a session gets as far as checking it (400), a token never does (403).
    request: () => ({
      path: "/api/v2/account/password",
      params: {},
      body: { currentPassword: "not-the-password", newPassword: "a-long-enough-password" },
    }),
    expect: "401 401 401 401 | 403 403 403 403 403 403 403 | 400 400 400 400 400 401 401 403",
  },
];
