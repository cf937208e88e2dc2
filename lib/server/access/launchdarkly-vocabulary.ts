/**
 * LaunchDarkly's policy vocabulary: every resource type (with the way it nests) and every action of its documentation
 * pages "Using resources" (https://launchdarkly.com/docs/home/account/roles/role-resources) and "Using actions"
 * (https://launchdarkly.com/docs/home/account/roles/role-actions, with its "Recently added actions" table and
 * https://launchdarkly.com/docs/home/account/roles/role-updates), as read in December 2026.
 *
 * Partners' setup guides ask users to paste policies in this vocabulary (Census: `importEventData` on `proj/*:env/*` and
 * `*` on `proj/*:metric/*`; Tealium: `importEventData`), so a policy that names these words is valid and stored. Most of
 * them govern something Tributary does not have (flags, metrics, webhooks...): they are accepted and grant nothing here.
 * Words that are in neither this vocabulary nor Tributary's own (`actions.ts`, `resource.ts`) stay invalid (400).
 *
 * When LaunchDarkly adds actions or resource types, add them here; nothing else needs to change.
 */

/** A resource type's nesting, outermost first, as LaunchDarkly writes it (`proj/*:env/*:flag/*` is proj, env, flag). */
export type VocabularyShape = readonly string[];

/** A resource type and its actions; an empty list where the pages name the type but its actions are listed elsewhere. */
type VocabularyEntry = { readonly shape: VocabularyShape; readonly actions: readonly string[] };

const APPROVAL_ACTIONS = [
  "createApprovalRequest",
  "updateApprovalRequest",
  "deleteApprovalRequest",
  "reviewApprovalRequest",
  "applyApprovalRequest",
];

const ACCESS_TOKEN_ACTIONS = [
  "createAccessToken",
  "updateAccessTokenName",
  "updateAccessTokenDescription",
  "updateAccessTokenPolicy",
  "updateAccessTokenExpiry",
  "deleteAccessToken",
  "resetAccessToken",
];

/** The types that are written without a name, like `acct`. */
export const LAUNCHDARKLY_NAMELESS_TYPES: readonly string[] = ["acct", "ip-allowlist"];

export const LAUNCHDARKLY_VOCABULARY: readonly VocabularyEntry[] = [
  {
    shape: ["acct"],
    actions: [
      "updateOrganization",
      "updateSubscription",
      "updateBillingContact",
      "deleteSubscription",
      "updatePaymentCard",
      "updateRequireMfa",
      "updateAccountToken",
      "deleteAccountToken",
      "updateAccountTokenLimit",
      "createSamlConfig",
      "deleteSamlConfig",
      "updateSamlEnabled",
      "updateSamlX509Certificate",
      "updateSamlSsoUrl",
      "updateSamlRequireSso",
      "createScimConfig",
      "deleteScimConfig",
      "updateSessionDuration",
      "updateSessionRefresh",
      "revokeSessions",
    ],
  },
  {
    shape: ["ip-allowlist"],
    actions: [
      "createIpAllowlistEntry",
      "deleteIpAllowlistEntry",
      "updateIpAllowlistEnabled",
      "updateIpAllowlistEntry",
      "viewIpAllowlist",
    ],
  },
  {
    shape: ["member"],
    actions: [
      "createMember",
      "updateRole",
      "updateCustomRole",
      "deleteMember",
      "sendMfaRequest",
      "sendMfaRecoveryCode",
      "resetMemberMfa",
    ],
  },
  { shape: ["member", "token"], actions: ACCESS_TOKEN_ACTIONS },
  { shape: ["service-token"], actions: ACCESS_TOKEN_ACTIONS },
  {
    shape: ["role"],
    actions: ["createRole", "updatePolicy", "updateName", "updateDescription", "deleteRole", "updateMembers"],
  },
  {
    shape: ["team"],
    actions: [
      "createTeam",
      "deleteTeam",
      "updateTeamName",
      "updateTeamDescription",
      "updateTeamMembers",
      "updateTeamCustomRoles",
    ],
  },
  {
    shape: ["proj"],
    actions: [
      "createProject",
      "deleteProject",
      "updateProjectName",
      "updateTags",
      "updateIncludeInSnippetByDefault",
      "updateDefaultClientSideAvailability",
      "updateLifecycleSettings",
      "updateObservabilitySettings",
      "updateViewAssociationRequirements",
      "viewProject",
    ],
  },
  {
    shape: ["proj", "env"],
    actions: [
      "createEnvironment",
      "deleteEnvironment",
      "updateName",
      "updateColor",
      "updateTtl",
      "updateApiKey",
      "updateMobileKey",
      "updateSecureMode",
      "updateDefaultTrackEvents",
      "updateTags",
      "updateRequireComments",
      "updateConfirmChanges",
      "updateCritical",
      "updateApprovalSettings",
      "importEventData",
    ],
  },
  {
    shape: ["proj", "env", "flag"],
    actions: [
      ...APPROVAL_ACTIONS,
      "createFlag",
      "cloneFlag",
      "deleteFlag",
      "updateOn",
      "updateIncludeInSnippet",
      "updateName",
      "updateDescription",
      "updateClientSideFlagAvailability",
      "updateTemporary",
      "updateTags",
      "updatePrerequisites",
      "updateTargets",
      "updateRules",
      "updateFallthrough",
      "updateOffVariation",
      "updateMaintainer",
      "updateFlagVariations",
      "updateFlagDefaultVariations",
      "updateVariationJsonSchema",
      "updateAttachedMetrics",
      "updateFlagCustomProperties",
      "createExperiment",
      "deleteExperiment",
      "deleteExperimentResults",
      "updateExperimentActive",
      "updateExperimentBaseline",
      "updateAttachedGoals",
      "deleteFlagAttachedGoalResults",
      "copyFlagConfigFrom",
      "copyFlagConfigTo",
      "updateFlagSalt",
      "updateTrackEvents",
      "updateFlagFallthroughTrackEvents",
      "updateGlobalArchived",
      "updateExpiringRules",
      "updateExpiringTargets",
      "updateFeatureWorkflows",
      "updateScheduledChanges",
      "updateTriggers",
    ],
  },
  {
    shape: ["proj", "env", "segment"],
    actions: [
      "createSegment",
      "deleteSegment",
      "updateName",
      "updateDescription",
      "updateTags",
      "updateIncluded",
      "updateExcluded",
      "updateRules",
      "updateExpiringRules",
      "updateExpiringTargets",
      "updateScheduledChanges",
    ],
  },
  {
    shape: ["proj", "env", "destination"],
    actions: ["createDestination", "deleteDestination", "updateConfiguration", "updateOn", "updateName"],
  },
  { shape: ["proj", "env", "user"], actions: ["deleteUser"] },
  {
    shape: ["proj", "env", "assignment-data-source"],
    actions: ["createAssignmentDataSource", "updateAssignmentDataSource"],
  },
  {
    shape: ["proj", "metric"],
    actions: [
      "createMetric",
      "deleteMetric",
      "updateEventKey",
      "updateName",
      "updateDescription",
      "updateUrls",
      "updateSelector",
      "updateOn",
      "updateTags",
      "updateNumeric",
      "updateNumericUnit",
      "updateNumericSuccess",
      "updateMaintainer",
      "updateArchived",
      "updateAnalysisType",
      "updateMetricDenominator",
      "updateWindowOffset",
    ],
  },
  {
    shape: ["proj", "view"],
    actions: ["linkSegmentToView", "unlinkSegmentFromView"],
  },
  {
    shape: ["proj", "release-policy"],
    actions: ["createReleasePolicy", "deleteReleasePolicy", "updateReleasePolicy", "updateReleasePolicyRank"],
  },
  { shape: ["proj", "aiconfig"], actions: APPROVAL_ACTIONS },
  { shape: ["proj", "agent-graphs"], actions: ["createAgentGraph", "updateAgentGraph", "deleteAgentGraph"] },
  {
    shape: ["proj", "prompt-snippet"],
    actions: ["createPromptSnippet", "updatePromptSnippet", "deletePromptSnippet"],
  },
  {
    shape: ["proj", "alert"],
    actions: ["createAlert", "deleteAlert", "updateAlertOn", "updateAlertConfiguration"],
  },
  { shape: ["proj", "context-kind"], actions: ["createContextKind", "updateContextKind"] },
  {
    shape: ["proj", "release-pipeline"],
    actions: ["createReleasePipeline", "updateReleasePipeline", "deleteReleasePipeline"],
  },
  {
    shape: ["proj", "metric-group"],
    actions: ["createMetricGroup", "updateMetricGroup", "deleteMetricGroup"],
  },
  { shape: ["proj", "layer"], actions: [] },
  { shape: ["proj", "env", "experiment"], actions: [] },
  { shape: ["proj", "env", "holdout"], actions: [] },
  { shape: ["application"], actions: [] },
  { shape: ["template"], actions: [] },
  { shape: ["domain-verification"], actions: [] },
  { shape: ["pending-request"], actions: [] },
  { shape: ["proj", "trace"], actions: ["viewTrace"] },
  { shape: ["proj", "log"], actions: ["viewLog"] },
  { shape: ["proj", "error"], actions: ["updateErrorStatus", "viewError"] },
  { shape: ["proj", "session"], actions: ["viewSession"] },
  {
    shape: ["webhook"],
    actions: [
      "createWebhook",
      "deleteWebhook",
      "updateName",
      "updateUrl",
      "updateSecret",
      "updateStatements",
      "updateOn",
    ],
  },
  {
    shape: ["integration"],
    actions: ["createIntegration", "deleteIntegration", "updateName", "updateConfiguration", "updateOn"],
  },
  {
    shape: ["relay-proxy-config"],
    actions: [
      "createRelayAutoConfiguration",
      "updateRelayAutoConfigurationName",
      "updateRelayAutoConfigurationPolicy",
      "deleteRelayAutoConfiguration",
      "resetRelayAutoConfiguration",
    ],
  },
  {
    shape: ["code-reference-repository"],
    actions: [
      "createCodeRefsRepository",
      "updateCodeRefsRepositoryName",
      "updateCodeRefsRepositoryConfiguration",
      "updateCodeRefsRepositoryOn",
      "updateCodeRefsRepositoryBranches",
      "deleteCodeRefsRepository",
    ],
  },
];

/** Every action LaunchDarkly's vocabulary names, each once, sorted. */
export const LAUNCHDARKLY_ACTIONS: readonly string[] = [
  ...new Set(LAUNCHDARKLY_VOCABULARY.flatMap((entry) => entry.actions)),
].sort();

/** Every resource nesting LaunchDarkly's vocabulary names. */
export const LAUNCHDARKLY_RESOURCE_SHAPES: readonly VocabularyShape[] = LAUNCHDARKLY_VOCABULARY.map(
  (entry) => entry.shape,
);
