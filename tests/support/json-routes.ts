import { SEMANTIC_PATCH_MEDIA_TYPE } from "@/lib/schemas/segment";
import * as accessCheckRoute from "@/app/api/v2/access/check/route";
import * as accountPasswordRoute from "@/app/api/v2/account/password/route";
import * as auditLogRoute from "@/app/api/v2/auditlog/route";
import * as invitesRoute from "@/app/api/v2/invites/route";
import * as redeemLinkRoute from "@/app/api/v2/password-links/redeem/route";
import { MAX_PASSWORD_LINK_BODY_BYTES } from "@/lib/server/invites/password-link-limits";
import * as storeListRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/route";
import * as storeRoute from "@/app/api/v2/integration-capabilities/big-segment-store/[projectKey]/[environmentKey]/[integrationKey]/[integrationId]/route";
import * as memberRoute from "@/app/api/v2/members/[memberId]/route";
import * as membersRoute from "@/app/api/v2/members/route";
import * as evaluateRoute from "@/app/api/v2/projects/[projectKey]/environments/[environmentKey]/segments/evaluate/route";
import * as environmentsRoute from "@/app/api/v2/projects/[projectKey]/environments/route";
import * as projectsRoute from "@/app/api/v2/projects/route";
import * as roleRoute from "@/app/api/v2/roles/[roleKey]/route";
import * as rolesRoute from "@/app/api/v2/roles/route";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as chunksRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/chunks/route";
import * as commitRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/[importId]/commit/route";
import * as importsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/imports/route";
import * as segmentRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/route";
import * as useToolNameRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/use-tool-name/route";
import * as segmentsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/route";
import * as segmentTagsRoute from "@/app/api/v2/segment-tags/[projectKey]/[environmentKey]/route";
import * as tokenRoute from "@/app/api/v2/tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import {
  importAt,
  POLICY,
  rename,
  segmentAt,
  storeAt,
  type JsonRoute,
} from "@/tests/support/json-routes-world";
import { ALERT_JSON_ROUTES } from "@/tests/support/json-routes-alerts";

/** Every route that reads a JSON body (but the partner endpoint, fuzzed on its own), with valid bodies to mutate. */
export const JSON_ROUTES: JsonRoute[] = [
  {
    name: "POST /api/v2/access/check",
    handler: accessCheckRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/access/check", params: {} }),
    valid: (world) => [
      { checks: [{ action: "viewSegment", resource: `proj/${world.projectKey}:env/production:segment/x` }] },
      {
        checks: [{ action: "updateIncluded", resource: "proj/a:env/b:segment/c" }],
        policy: POLICY,
        policyName: "r",
      },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/auditlog",
    handler: auditLogRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/auditlog", params: {} }),
    valid: (world) => [
      [{ effect: "allow", resources: [`proj/${world.projectKey}:env/production:segment/*`], actions: ["*"] }],
      [
        { effect: "allow", resources: ["proj/*"] },
        { effect: "deny", notResources: ["member/*", "role/*"] },
      ],
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}",
    handler: storeListRoute.POST,
    method: "POST",
    target: storeAt,
    valid: () => [
      {
        name: "Cache",
        on: false,
        tags: ["t"],
        config: { host: "127.0.0.1", port: 1, prefix: "ld", tls: false },
      },
      { name: "Url", config: { url: "redis://127.0.0.1:1", username: "u", password: "p", prefix: "url" } },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/integration-capabilities/big-segment-store/{p}/{e}/{integrationKey}/{id}",
    handler: storeRoute.PATCH,
    method: "PATCH",
    target: (world) => {
      const { path, params } = storeAt(world);
      return { path: `${path}/${world.storeId}`, params: { ...params, integrationId: world.storeId } };
    },
    valid: () => [...rename("Renamed"), [{ op: "replace", path: "/config/port", value: 2 }]],
    success: 200,
  },
  {
    name: "PATCH /api/v2/members/{memberId}",
    handler: memberRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/members/${world.memberId}`, params: { memberId: world.memberId } }),
    valid: () => [
      [{ op: "replace", path: "/firstName", value: "Ada" }],
      { comment: "promote", patch: [{ op: "replace", path: "/role", value: "writer" }] },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/members",
    handler: membersRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/members", params: {} }),
    valid: () => [
      { email: "fuzz@example.test", password: "correct-horse-battery", role: "reader", firstName: "F" },
    ],
    success: 201,
    // Every body that gets past validation costs a bcrypt hash.
    runs: 60,
  },
  {
    name: "POST /api/v2/invites",
    handler: invitesRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/invites", params: {} }),
    valid: () => [{ email: "fuzz-invite@example.test", role: "reader", customRoleKeys: [], firstName: "F" }],
    success: 201,
  },
  {
    // A token may never change a password: every body is refused before it is read (the session path is in
    // password-change.test.ts).
    name: "POST /api/v2/account/password",
    handler: accountPasswordRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/account/password", params: {} }),
    valid: () => [{ currentPassword: "correct-horse-battery", newPassword: "a-long-enough-password" }],
    success: 204,
  },
  {
    // Public: a made-up secret is 404, and past the per-address limit every body is 429 before it is read.
    name: "POST /api/v2/password-links/redeem",
    handler: redeemLinkRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/password-links/redeem", params: {} }),
    valid: () => [{ secret: "A".repeat(43), password: "a-long-enough-password" }],
    success: 200,
    bodyLimit: MAX_PASSWORD_LINK_BODY_BYTES,
  },
  {
    name: "POST /api/v2/projects/{projectKey}/environments/{environmentKey}/segments/evaluate",
    handler: evaluateRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/projects/${world.projectKey}/environments/production/segments/evaluate`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: () => [{ key: "a", kind: "user" }],
    success: 200,
  },
  {
    name: "POST /api/v2/projects/{projectKey}/environments",
    handler: environmentsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/projects/${world.projectKey}/environments`,
      params: { projectKey: world.projectKey },
    }),
    valid: () => [{ key: "staging", name: "Staging", tags: ["t"], color: "ff0000" }],
    success: 201,
  },
  {
    name: "POST /api/v2/projects",
    handler: projectsRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/projects", params: {} }),
    valid: () => [
      { key: "fuzz-project", name: "Fuzz", tags: ["t"] },
      { key: "fuzz-envs", name: "Fuzz", environments: [{ key: "live", name: "Live" }] },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/roles/{roleKey}",
    handler: roleRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/roles/${world.roleKey}`, params: { roleKey: world.roleKey } }),
    valid: () => [...rename("Renamed"), [{ op: "replace", path: "/policy", value: POLICY }]],
    success: 200,
  },
  {
    name: "POST /api/v2/roles",
    handler: rolesRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/roles", params: {} }),
    valid: () => [{ key: "fuzz-role", name: "Fuzz", description: "d", policy: POLICY }],
    success: 201,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/contexts",
    handler: contextsRoute.POST,
    method: "POST",
    target: (world) => {
      const { path, params } = segmentAt(world);
      return { path: `${path}/contexts`, params };
    },
    valid: () => [{ included: { add: ["a", "b"], remove: ["c"] }, excluded: { add: ["d"], remove: ["e"] } }],
    success: 204,
    overCap: 100_001,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports/{importId}/chunks",
    handler: chunksRoute.POST,
    method: "POST",
    target: (world) => importAt(world, "/chunks"),
    valid: () => [{ keys: ["a", "b", "c"] }],
    success: 200,
    overCap: 10_001,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports/{importId}/commit",
    handler: commitRoute.POST,
    method: "POST",
    target: (world) => importAt(world, "/commit"),
    valid: () => [{ confirm: true }],
    success: 200,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/imports",
    handler: importsRoute.POST,
    method: "POST",
    target: (world) => {
      const { path, params } = segmentAt(world);
      return { path: `${path}/imports`, params };
    },
    valid: () => [{ mode: "merge" }, { mode: "replace" }],
    success: 201,
  },
  {
    name: "PATCH /api/v2/segments/{p}/{e}/{s} (JSON Patch)",
    handler: segmentRoute.PATCH,
    method: "PATCH",
    target: (world) => segmentAt(world),
    valid: () => [
      ...rename("Renamed"),
      {
        comment: "c",
        patch: [
          { op: "add", path: "/tags/-", value: "t" },
          { op: "replace", path: "/description", value: "d" },
        ],
      },
    ],
    success: 200,
  },
  {
    name: "PATCH /api/v2/segments/{p}/{e}/{s} (semantic patch)",
    handler: segmentRoute.PATCH,
    method: "PATCH",
    target: (world) => segmentAt(world),
    contentType: SEMANTIC_PATCH_MEDIA_TYPE,
    valid: () => [
      {
        comment: "c",
        instructions: [
          { kind: "updateName", value: "Renamed" },
          { kind: "addTags", values: ["x", "y"] },
          { kind: "updateDescription", value: "d" },
        ],
      },
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/segment-tags/{p}/{e}",
    handler: segmentTagsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: (world) => [{ keys: [world.segmentKey], add: ["vip"], remove: ["old"] }],
    success: 200,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}/{s}/use-tool-name",
    handler: useToolNameRoute.POST,
    method: "POST",
    target: (world) => {
      const { path, params } = segmentAt(world);
      return { path: `${path}/use-tool-name`, params };
    },
    valid: () => [{ comment: "c" }],
    success: 200,
  },
  {
    name: "POST /api/v2/segments/{p}/{e}",
    handler: segmentsRoute.POST,
    method: "POST",
    target: (world) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: { projectKey: world.projectKey, environmentKey: "production" },
    }),
    valid: () => [
      {
        key: "fuzz-new",
        name: "New",
        description: "d",
        tags: ["t"],
        unbounded: true,
        unboundedContextKind: "user",
      },
    ],
    success: 201,
  },
  {
    name: "PATCH /api/v2/tokens/{tokenId}",
    handler: tokenRoute.PATCH,
    method: "PATCH",
    target: (world) => ({ path: `/api/v2/tokens/${world.tokenId}`, params: { tokenId: world.tokenId } }),
    valid: () => [
      ...rename("Renamed"),
      [
        { op: "replace", path: "/role", value: null },
        { op: "add", path: "/inlineRole", value: POLICY },
      ],
    ],
    success: 200,
  },
  {
    name: "POST /api/v2/tokens",
    handler: tokensRoute.POST,
    method: "POST",
    target: () => ({ path: "/api/v2/tokens", params: {} }),
    valid: () => [
      { name: "fuzz", description: "d", role: "reader" },
      { name: "fuzz", inlineRole: POLICY, serviceToken: true, expiresAt: 4_102_444_800_000 },
    ],
    success: 201,
  },
  ...ALERT_JSON_ROUTES,
];
