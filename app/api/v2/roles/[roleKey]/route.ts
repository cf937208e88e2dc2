import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { assertAccess } from "@/lib/server/access/check-access";
import { roleResource } from "@/lib/server/access/resource-names";
import { deleteRole } from "@/lib/server/roles/delete-role";
import { getRoleOrThrow } from "@/lib/server/roles/get-role-or-throw";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { updateRole } from "@/lib/server/roles/update-role";

type Params = { roleKey: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    const role = await getRoleOrThrow(params.roleKey);
    assertAccess(principal, "viewRole", roleResource(role.key));
    return json(serializeRole(role));
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
