import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";

// Where LaunchDarkly serves its OpenAPI document (its client's `getOpenapiSpec`): the same document as /api/openapi.json.
export { GET } from "@/app/api/openapi.json/route";

export const dynamic = "force-static";

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/openapi.json", ["GET"]);
