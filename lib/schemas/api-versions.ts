import { z } from "zod";

/** `GET /api/v2/versions`: LaunchDarkly's REST API versions, and the one this request is served under. */
export const apiVersionsSchema = z
  .object({
    validVersions: z.array(z.number().int()),
    latestVersion: z.number().int(),
    currentVersion: z.number().int().meta({
      description: "The version of this request: its `LD-API-Version` header when valid, else the latest",
    }),
    beta: z.boolean().meta({ description: "Whether the request asked for `LD-API-Version: beta`" }),
  })
  .meta({ id: "Versions" });

export type ApiVersions = z.infer<typeof apiVersionsSchema>;
