import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const zeotap: IntegrationDefinition = {
  key: "zeotap",
  name: "Zeotap",
  docsUrl: "https://launchdarkly.com/docs/home/flags/zeotap",
  mode: "C",
  environmentId: "/parameters/integration_project_id",
  cohortId: "/parameters/integration_cohort_id",
  cohortName: "/parameters/integration_cohort_name",
  cohortDescription: ["/parameters/cohortDescription", "/parameters/description"],
  members: {
    array: "/parameters/members",
    id: "/integration_distinct_id",
    action: "/action",
    addPattern: "members|add_members",
    addAction: "add_members",
    removeAction: "remove_members",
  },
};
