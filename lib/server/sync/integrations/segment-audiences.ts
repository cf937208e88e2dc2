import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const segmentAudiences: IntegrationDefinition = {
  key: "segment-audiences",
  name: "Twilio Segment Audiences",
  docsUrl: "https://launchdarkly.com/docs/home/flags/twilio",
  mode: "A",
  environmentId: "/environmentId",
  contextKind: "/contextKind",
  members: {
    array: "/batch",
    id: "/userId",
    value: "/value",
    cohortId: "/cohortId",
    cohortName: "/cohortName",
    cohortDescription: ["/cohortDescription", "/description"],
  },
};
