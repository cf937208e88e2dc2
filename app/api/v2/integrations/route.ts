import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { apiHandler } from "@/lib/server/api/handler";
import { json } from "@/lib/server/api/responses";
import { listIntegrations } from "@/lib/server/sync/list-integrations";

// Public information: any authenticated principal may read it.
export const GET = apiHandler(() => Promise.resolve(json({ items: listIntegrations() })), {
  route: "GET /api/v2/integrations",
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed("/api/v2/integrations", ["GET"]);
