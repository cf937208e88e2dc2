import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const rudderstack: IntegrationDefinition = {
  key: "rudderstack",
  name: "RudderStack Audiences",
  docsUrl: "https://launchdarkly.com/docs/home/flags/rudderstack",
  mode: "B",
  environmentId: "/environmentId",
  contextKind: "/contextKind",
  cohortId: "/cohortId",
  cohortName: "/cohortName",
  cohortUrl: "/cohortUrl",
  cohortDescription: ["/cohortDescription", "/description"],
  members: {
    add: "/listData/add",
    remove: "/listData/remove",
    id: "/id",
  },
};
