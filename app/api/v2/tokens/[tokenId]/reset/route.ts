import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { tokenResetQuerySchema } from "@/lib/schemas/token";
import { apiHandler } from "@/lib/server/api/handler";
import { parseQuery } from "@/lib/server/api/parse-query";
import { json } from "@/lib/server/api/responses";
import { resetToken } from "@/lib/server/tokens/reset-token";

export const POST = apiHandler<{ tokenId: string }>(
  async ({ req, params, principal }) => {
    const { expiry } = parseQuery(req.nextUrl, tokenResetQuerySchema);
    return json(await resetToken(principal, params.tokenId, expiry));
  },
  { route: "POST /api/v2/tokens/{tokenId}/reset" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/tokens/{tokenId}/reset",
  ["POST"],
);
