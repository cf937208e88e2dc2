import "server-only";
import { z } from "zod";
import {
  MAX_MEMBERS_PER_CREATE,
  memberCollectionSchema,
  memberCreateSchema,
  memberInviteListSchema,
  memberListQuerySchema,
  memberSchema,
  toMemberToCreate,
} from "@/lib/schemas/member";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { createInvites } from "@/lib/server/invites/create-invites";
import { linkBaseUrl } from "@/lib/server/invites/link-base-url";
import { createMembers } from "@/lib/server/members/create-members";
import { deleteMember } from "@/lib/server/members/delete-member";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { listMembers } from "@/lib/server/members/list-members";
import { serializeMember } from "@/lib/server/members/serialize-member";
import { updateMember } from "@/lib/server/members/update-member";
import { jsonRequestBody } from "@/lib/server/openapi/operation-parts";

const TAG = "Members";
const MEMBERS = "/api/v2/members";
const MEMBER = `${MEMBERS}/{memberId}`;
const memberPathSchema = z.object({ memberId: z.string().meta({ description: "The member's `_id`" }) });

/** The team's members (api-contract §7). */
export const memberRoutes = [
  defineRoute({
    method: "GET",
    path: MEMBERS,
    schemas: { query: memberListQuerySchema },
    openapi: {
      tag: TAG,
      summary: "List members",
      success: { description: "Members", schema: memberCollectionSchema },
      errors: [403],
    },
    handle: async ({ req, query, principal }) => {
      const { items, totalCount } = await listMembers(principal, query);
      return json(toCollection(items, totalCount, { url: req.nextUrl, ...query }));
    },
  }),
  defineRoute({
    method: "POST",
    path: MEMBERS,
    openapi: {
      tag: TAG,
      summary: "Create or invite members",
      description: `LaunchDarkly's list of invites (at most ${MAX_MEMBERS_PER_CREATE}, all or none; answered with the created members' collection), or one member with a password (answered with the member). An invite without a password is a pending invite (\`_pendingInvite\`) who cannot sign in until a password is set. Needs \`createMember\`; the role and custom roles may not grant more than the caller has; a custom role the caller may not view is unknown (400). Not by a reset's old value in its grace period.`,
      // Read by the handler: its shape (a list or one member) chooses the answer.
      requestBody: jsonRequestBody(z.union([memberInviteListSchema, memberCreateSchema])),
      success: {
        status: 201,
        description: "Created",
        schema: z.union([memberCollectionSchema, memberSchema]),
      },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ req, principal }) => {
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
  }),
  defineRoute({
    method: "GET",
    path: MEMBER,
    schemas: { params: memberPathSchema },
    openapi: {
      tag: TAG,
      summary: "Get a member",
      success: { description: "Member", schema: memberSchema },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) =>
      json(serializeMember(await getMemberOrThrow(principal, params.memberId))),
  }),
  defineRoute({
    method: "PATCH",
    path: MEMBER,
    schemas: { params: memberPathSchema, body: jsonPatchRequestSchema },
    openapi: {
      tag: TAG,
      summary: "Update a member",
      description:
        "A JSON Patch on `/role`, `/customRoles` or its alias `/customRoleKeys` (`updateMemberRole`; never one's own), `/firstName`, `/lastName`. Giving `owner` transfers ownership (the owner's dashboard session only, never a token; the old owner becomes admin, and both members' sessions end; never to a pending invite, 409). A reset's old value in its grace period changes no member's access. Access is checked before any operation (a `test` included) runs; a member the caller may not view is a 404.",
      success: { description: "Updated", schema: memberSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ params, body, principal }) => json(await updateMember(principal, params.memberId, body)),
  }),
  defineRoute({
    method: "DELETE",
    path: MEMBER,
    schemas: { params: memberPathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete a member",
      description:
        "Not the owner. Personal tokens go with the member; service tokens they created pass to the owner.",
      success: { description: "Deleted" },
      errors: [403, 404],
    },
    handle: async ({ params, principal }) => {
      await deleteMember(principal, params.memberId);
      return noContent();
    },
  }),
];
