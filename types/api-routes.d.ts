/**
 * Every `app/api/**\/route.ts` except next-auth's, found on disk when scripts/build-server.mjs compiles the API server and
 * imported statically into its bundle (one copy of each route module, no list kept by hand).
 */
declare module "virtual:api-routes" {
  import type { ApiRoute } from "@/lib/server/http/api-route-module";

  export const API_ROUTES: readonly ApiRoute[];
}
