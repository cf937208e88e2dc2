import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { deleteMember } from "@/lib/server/members/delete-member";
import { getMemberOrThrow } from "@/lib/server/members/get-member-or-throw";
import { serializeMember } from "@/lib/server/members/serialize-member";
import { updateMember } from "@/lib/server/members/update-member";

type Params = { memberId: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    return json(serializeMember(await getMemberOrThrow(principal, params.memberId)));
  },
  { route: "GET /api/v2/members/{memberId}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const patch = jsonPatchRequestSchema.parse(await readJsonBody(req));
    return json(await updateMember(principal, params.memberId, patch));
  },
  { route: "PATCH /api/v2/members/{memberId}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    await deleteMember(principal, params.memberId);
    return noContent();
  },
  { route: "DELETE /api/v2/members/{memberId}" },
);

export const { POST, PUT, OPTIONS } = methodsNotAllowed("/api/v2/members/{memberId}", [
  "GET",
  "PATCH",
  "DELETE",
]);
