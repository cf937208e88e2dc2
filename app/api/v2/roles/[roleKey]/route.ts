import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { deleteRole } from "@/lib/server/roles/delete-role";
import { getRoleOrThrow } from "@/lib/server/roles/get-role-or-throw";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { updateRole } from "@/lib/server/roles/update-role";

type Params = { roleKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    return json(serializeRole(await getRoleOrThrow(principal, params.roleKey)));
  },
  { route: "GET /api/v2/roles/{roleKey}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const patch = jsonPatchRequestSchema.parse(await readJsonBody(req));
    return json(await updateRole(principal, params.roleKey, patch));
  },
  { route: "PATCH /api/v2/roles/{roleKey}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    await deleteRole(principal, params.roleKey);
    return noContent();
  },
  { route: "DELETE /api/v2/roles/{roleKey}" },
);

export const { POST, PUT, OPTIONS } = methodsNotAllowed("/api/v2/roles/{roleKey}", [
  "GET",
  "PATCH",
  "DELETE",
]);
