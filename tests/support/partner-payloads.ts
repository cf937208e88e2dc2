/**
 * One small valid body per integration, shaped as the tool sends it (LD_COMPAT §3) for the environment with the given
 * client-side ID, and a cohort id of the caller's choosing.
 */
export const PARTNER_PAYLOADS: Readonly<
  Record<string, (environmentId: string, cohortId: string) => unknown>
> = {
  amplitude: (environmentId, cohortId) => ({
    environmentId,
    batch: [
      {
        userId: "user-1001",
        cohortId,
        cohortName: "Power users",
        cohortUrl: `https://analytics.example.com/cohort/${cohortId}`,
        value: true,
      },
      { userId: "user-0999", cohortId, cohortName: "Power users", value: false },
    ],
  }),
  "segment-audiences": (environmentId, cohortId) => ({
    environmentId,
    contextKind: "user",
    batch: [
      { userId: "u_42", cohortId, cohortName: "Trial ending soon", value: true },
      { userId: "u_43", cohortId, cohortName: "Trial ending soon", value: false },
    ],
  }),
  "census-synced-segments": (environmentId, cohortId) => ({
    environment_id: environmentId,
    context_kind: "user",
    batch: [{ user_id: "acct-77", cohort_id: cohortId, cohort_name: "High LTV", value: true }],
  }),
  rudderstack: (environmentId, cohortId) => ({
    environmentId,
    contextKind: "user",
    cohortId,
    cohortName: "Churn risk",
    cohortUrl: `https://app.example.com/audiences/${cohortId}`,
    listData: { add: [{ id: "user-1" }, { id: "user-2" }], remove: [{ id: "user-3" }] },
  }),
  "heap-inbound": (environmentId, cohortId) => ({
    parameters: { environment_id: environmentId },
    heap: {
      data: {
        segment: { id: cohortId, name: "Checkout abandoners" },
        add: [{ id: "visitor-a" }],
        remove: [{ id: "visitor-c" }],
      },
    },
  }),
  hightouch: (environmentId, cohortId) => ({
    environmentId,
    cohortId,
    cohortName: "Enterprise admins",
    contextKind: "user",
    action: "add",
    members: [{ integration_distinct_id: "admin-1" }, { integration_distinct_id: "admin-2" }],
  }),
  zeotap: (environmentId, cohortId) => ({
    action: "add_members",
    parameters: {
      integration_project_id: environmentId,
      integration_cohort_id: cohortId,
      integration_cohort_name: "Sports fans",
      members: [{ integration_distinct_id: "z-1" }],
    },
  }),
  "tealium-synced-segments": (environmentId, cohortId) => ({
    action: "add_member",
    parameters: {
      tealium_project_id: environmentId,
      tealium_cohort_id: cohortId,
      tealium_cohort_name: "Newsletter readers",
      members: [{ member_id: "t-9" }],
    },
  }),
};
