import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const amplitude: IntegrationDefinition = {
  key: "amplitude",
  name: "Amplitude",
  docsUrl: "https://launchdarkly.com/docs/home/flags/amplitude",
  mode: "A",
  environmentId: "/environmentId",
  members: {
    array: "/batch",
    id: "/userId",
    value: "/value",
    cohortId: "/cohortId",
    cohortName: "/cohortName",
    cohortUrl: "/cohortUrl",
    cohortDescription: ["/cohortDescription", "/description"],
  },
};
