import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json, noContent } from "@/lib/server/api/responses";
import { issuePasswordLink } from "@/lib/server/invites/issue-password-link";
import { linkBaseUrl } from "@/lib/server/invites/link-base-url";
import { revokePasswordLink } from "@/lib/server/invites/revoke-password-link";

type Params = { memberId: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) =>
    json(await issuePasswordLink(principal, params.memberId, "reset", linkBaseUrl(req.url)), 201),
  { route: "POST /api/v2/members/{memberId}/password-reset" },
);

export const DELETE = apiHandler<Params>(
  async ({ params, principal }) => {
    await revokePasswordLink(principal, params.memberId, "reset");
    return noContent();
  },
  { route: "DELETE /api/v2/members/{memberId}/password-reset" },
);

export const { GET, HEAD, PUT, PATCH, OPTIONS } = methodsNotAllowed(
  "/api/v2/members/{memberId}/password-reset",
  ["POST", "DELETE"],
);
