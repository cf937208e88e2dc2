import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { describeCallerIdentity } from "@/lib/server/access/describe-caller-identity";

export const GET = apiHandler(
  async ({ principal }) => Promise.resolve(json(describeCallerIdentity(principal))),
  {
    route: "GET /api/v2/caller-identity",
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/caller-identity", ["GET"]);
