import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const hightouch: IntegrationDefinition = {
  key: "hightouch",
  name: "Hightouch",
  docsUrl: "https://launchdarkly.com/docs/home/flags/hightouch",
  mode: "C",
  environmentId: "/environmentId",
  contextKind: "/contextKind",
  cohortId: "/cohortId",
  cohortName: "/cohortName",
  cohortDescription: ["/cohortDescription", "/description"],
  members: {
    array: "/members",
    id: "/integration_distinct_id",
    action: "/action",
    addPattern: "add",
    addAction: "add",
    removeAction: "remove",
  },
};
