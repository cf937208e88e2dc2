import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const censusSyncedSegments: IntegrationDefinition = {
  key: "census-synced-segments",
  name: "Census",
  docsUrl: "https://launchdarkly.com/docs/home/flags/census",
  mode: "A",
  environmentId: "/environment_id",
  contextKind: "/context_kind",
  members: {
    array: "/batch",
    id: "/user_id",
    value: "/value",
    cohortId: "/cohort_id",
    cohortName: "/cohort_name",
    cohortDescription: ["/cohortDescription", "/description"],
  },
};
