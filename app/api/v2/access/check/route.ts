import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { accessCheckRequestSchema } from "@/lib/schemas/access-check";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";

/** Any authenticated caller may ask about its own access or about a policy it supplies; the answer reveals no data. */
export const POST = apiHandler(
  async ({ req, principal }) => {
    const input = accessCheckRequestSchema.parse(await readJsonBody(req));
    return json(checkAccessBatch(principal, input));
  },
  { route: "POST /api/v2/access/check" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/access/check", ["POST"]);
