/**
 * LaunchDarkly's policy vocabulary: the resource types (with the way they nest) and the actions of its documentation pages
 * "Using resources" (https://launchdarkly.com/docs/home/account/roles/role-resources) and "Using actions"
 * (https://launchdarkly.com/docs/home/account/roles/role-actions). Compiled in December 2026 from the full action tables
 * of an earlier version of that page (kept in the public launchdarkly/LaunchDarkly-Docs repository) and the current
 * page's tables of recently added actions and resources (also https://launchdarkly.com/docs/home/account/roles/role-updates).
 *
 * Partners' setup guides ask users to paste policies in this vocabulary (Census: `importEventData` on `proj/*:env/*` and
 * `*` on `proj/*:metric/*`; Tealium: `importEventData`), so a policy that names these words is valid and stored. Most of
 * them govern something Tributary does not have (flags, metrics, webhooks...): they are accepted and grant nothing here.
 * Words that are in neither this vocabulary nor Tributary's own (`actions.ts`, `resource.ts`) stay invalid (400).
 *
 * When LaunchDarkly adds actions or resource types, add them here or, for project-scoped ones, in
 * `launchdarkly-vocabulary-project.ts`; nothing else needs to change.
 */

import { PROJECT_VOCABULARY } from "@/lib/server/access/launchdarkly-vocabulary-project";
import type { VocabularyEntry } from "@/lib/server/access/launchdarkly-vocabulary-types";

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
  ...PROJECT_VOCABULARY,
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
export const LAUNCHDARKLY_RESOURCE_SHAPES: readonly (readonly string[])[] = LAUNCHDARKLY_VOCABULARY.map(
  (entry) => entry.shape,
);
