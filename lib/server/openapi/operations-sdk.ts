import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, successResponse } from "@/lib/server/openapi/operation-parts";

const clientSideId = z.string().meta({ description: "The environment's client-side ID" });

/** The client-side SDK path partner tools call; served by Next.js, outside the API's route objects. */
export const sdkOpenApiPaths: ZodOpenApiPathsObject = {
  "/sdk/goals/{clientSideId}": {
    get: {
      tags: ["Sync"],
      summary: "An environment's experiment goals (always none): tools call it to check a client-side ID",
      description:
        "Needs no token, like LaunchDarkly's client-side SDK endpoint. HEAD answers the same without a body.",
      security: [],
      requestParams: { path: z.object({ clientSideId }) },
      responses: { "200": successResponse("No goals", z.array(z.never())), ...errorResponses([404, 503]) },
    },
  },
};
