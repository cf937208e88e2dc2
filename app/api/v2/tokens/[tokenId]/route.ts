import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { jsonPatchRequestSchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json, noContent } from "@/lib/server/api/responses";
import { deleteToken } from "@/lib/server/tokens/delete-token";
import { getTokenOrThrow } from "@/lib/server/tokens/get-token-or-throw";
import { serializeToken } from "@/lib/server/tokens/serialize-token";
import { updateToken } from "@/lib/server/tokens/update-token";

type Params = { tokenId: string };

export const GET = apiHandler<Params>(
  async ({ params, principal }) => {
    return json(serializeToken(await getTokenOrThrow(principal, params.tokenId)));
  },
  { route: "GET /api/v2/tokens/{tokenId}" },
);

export const PATCH = apiHandler<Params>(
  async ({ req, params, principal }) => {
    const patch = jsonPatchRequestSchema.parse(await readJsonBody(req));
    return json(await updateToken(principal, params.tokenId, patch));
  },
  { route: "PATCH /api/v2/tokens/{tokenId}" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    await deleteToken(principal, params.tokenId);
    return noContent();
  },
  { route: "DELETE /api/v2/tokens/{tokenId}" },
);

export const { POST, PUT, OPTIONS } = methodsNotAllowed("/api/v2/tokens/{tokenId}", [
  "GET",
  "PATCH",
  "DELETE",
]);
