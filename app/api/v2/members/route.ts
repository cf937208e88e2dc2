import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import {
  memberCreateSchema,
  memberInviteListSchema,
  memberListQuerySchema,
  toMemberToCreate,
} from "@/lib/schemas/member";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { toCollection } from "@/lib/server/api/collection";
import { createInvites } from "@/lib/server/invites/create-invites";
import { linkBaseUrl } from "@/lib/server/invites/link-base-url";
import { createMembers } from "@/lib/server/members/create-members";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = apiHandler(
  async ({ req, principal }) => {
    const page = parseQuery(req.nextUrl, memberListQuerySchema);
    const { items, totalCount } = await listMembers(principal, page);
    return json(toCollection(items, totalCount, { url: req.nextUrl, ...page }));
  },
  { route: "GET /api/v2/members" },
);

export const POST = apiHandler(
  async ({ req, principal }) => {
    const body = await readJsonBody(req);
    // LaunchDarkly's client sends a list of invites and expects the created members' collection; the dashboard sends one.
    if (Array.isArray(body)) {
      const invites = memberInviteListSchema.parse(body).map(toMemberToCreate);
      // Each invite without a password gets a one-time link, emailed when SMTP is configured (never in this answer).
      const { members: created } = await createInvites(principal, invites, linkBaseUrl(req.url));
      return json(
        toCollection(created, created.length, { url: req.nextUrl, limit: created.length, offset: 0 }),
        201,
      );
    }
    const [created] = await createMembers(principal, [toMemberToCreate(memberCreateSchema.parse(body))]);
    return json(created, 201);
  },
  { route: "POST /api/v2/members" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/members", ["GET", "POST"]);
