import "server-only";
import { z } from "zod";
import { roleCollectionSchema, roleCreateSchema, roleListQuerySchema, roleSchema } from "@/lib/schemas/role";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { toCollection } from "@/lib/server/api/collection";
import { defineRoute } from "@/lib/server/api/define-route";
import { json, noContent } from "@/lib/server/api/responses";
import { createRole } from "@/lib/server/roles/create-role";
import { deleteRole } from "@/lib/server/roles/delete-role";
import { getRoleOrThrow } from "@/lib/server/roles/get-role-or-throw";
import { listRoles } from "@/lib/server/roles/list-roles";
import { serializeRole } from "@/lib/server/roles/serialize-role";
import { updateRole } from "@/lib/server/roles/update-role";

const TAG = "Custom roles";
const ROLES = "/api/v2/roles";
const ROLE = `${ROLES}/{roleKey}`;
const rolePathSchema = z.object({
  roleKey: z.string().meta({ description: "The custom role's key or `_id`" }),
});

/** Custom roles (api-contract §7). */
export const roleRoutes = [
  defineRoute({
    method: "GET",
    path: ROLES,
    schemas: { query: roleListQuerySchema },
    openapi: {
      tag: TAG,
      summary: "List custom roles",
      description: "Only the roles the caller may view (`viewRole`), and `totalCount` counts only those.",
      success: { description: "Custom roles", schema: roleCollectionSchema },
      errors: [403],
    },
    handle: async ({ req, query, principal }) => {
      const { items, totalCount } = await listRoles(principal, query);
      return json(toCollection(items, totalCount, { url: req.nextUrl, ...query }));
    },
  }),
  defineRoute({
    method: "POST",
    path: ROLES,
    schemas: { body: roleCreateSchema },
    openapi: {
      tag: TAG,
      summary: "Create a custom role",
      description:
        "Needs `createRole`; the policy may not grant more than the caller has (statements naming only LaunchDarkly resources Tributary lacks grant nothing and need nothing). Not by a reset's old value in its grace period.",
      success: { status: 201, description: "Created", schema: roleSchema },
      errors: [403, 409, 413, 415],
    },
    handle: async ({ body, principal }) => json(await createRole(principal, body), 201),
  }),
  defineRoute({
    method: "GET",
    path: ROLE,
    schemas: { params: rolePathSchema },
    openapi: {
      tag: TAG,
      summary: "Get a custom role",
      description:
        "By key or `_id`. A role the caller may not view (`viewRole`) is a 404, exactly like an unknown key.",
      success: { description: "Custom role", schema: roleSchema },
      errors: [404],
    },
    handle: async ({ params, principal }) =>
      json(serializeRole(await getRoleOrThrow(principal, params.roleKey))),
  }),
  defineRoute({
    method: "PATCH",
    path: ROLE,
    schemas: { params: rolePathSchema, body: jsonPatchRequestSchema },
    openapi: {
      tag: TAG,
      summary: "Update a custom role",
      description:
        "A JSON Patch on `/name`, `/description`, `/policy` (`updateRole`). A new policy changes the access of every holder, so the caller must be able to grant both the current and the new policy (403), and a reset's old value in its grace period may not change it. A role the caller may not view is a 404 like an unknown key, checked before any operation (a `test` included) runs.",
      success: { description: "Updated", schema: roleSchema },
      errors: [403, 404, 409, 413, 415],
    },
    handle: async ({ params, body, principal }) => json(await updateRole(principal, params.roleKey, body)),
  }),
  defineRoute({
    method: "DELETE",
    path: ROLE,
    schemas: { params: rolePathSchema },
    openapi: {
      tag: TAG,
      summary: "Delete a custom role",
      description:
        "Needs `deleteRole`. 409 `conflict` while a member or token holds the role. A role the caller may not view is a 404 like an unknown key.",
      success: { description: "Deleted" },
      errors: [403, 404, 409],
    },
    handle: async ({ params, principal }) => {
      await deleteRole(principal, params.roleKey);
      return noContent();
    },
  }),
];
