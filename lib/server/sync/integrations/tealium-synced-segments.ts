import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const tealiumSyncedSegments: IntegrationDefinition = {
  key: "tealium-synced-segments",
  name: "Tealium Audiences",
  docsUrl: "https://launchdarkly.com/docs/home/flags/tealium",
  mode: "C",
  environmentId: "/parameters/tealium_project_id",
  cohortId: "/parameters/tealium_cohort_id",
  cohortName: "/parameters/tealium_cohort_name",
  cohortDescription: ["/parameters/cohortDescription", "/parameters/description"],
  members: {
    array: "/parameters/members",
    id: "/member_id",
    action: "/action",
    // Exactly `add_member`: LaunchDarkly's own pattern also matches `remove_member` and adds on removal (api-contract §3).
    addPattern: "add_member",
    addAction: "add_member",
    removeAction: "remove_member",
  },
};
