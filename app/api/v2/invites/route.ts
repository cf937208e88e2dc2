import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { inviteCreateSchema } from "@/lib/schemas/invite";
import { toMemberToCreate } from "@/lib/schemas/member";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { createInvites } from "@/lib/server/invites/create-invites";
import { linkBaseUrl } from "@/lib/server/invites/link-base-url";
import { listPasswordLinks } from "@/lib/server/invites/list-password-links";

export const GET = apiHandler(async ({ principal }) => json(await listPasswordLinks(principal)), {
  route: "GET /api/v2/invites",
});

export const POST = apiHandler(
  async ({ req, principal }) => {
    const invite = toMemberToCreate(inviteCreateSchema.parse(await readJsonBody(req)));
    const { members, links } = await createInvites(principal, [invite], linkBaseUrl(req.url));
    return json({ member: members[0], link: links[0] }, 201);
  },
  { route: "POST /api/v2/invites" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/invites", ["GET", "POST"]);
