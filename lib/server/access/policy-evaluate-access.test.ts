import { describe, expect, it } from "vitest";
import type { PolicyStatement } from "@/lib/schemas/policy";
import { evaluateAccess, evaluatePolicy, type NamedPolicyInput } from "@/lib/server/access/policy";
import {
  allow,
  deny,
  role,
  builtIn,
  SEG,
  SEG_STAGING,
  ENV,
  INTEGRATION,
  TOKEN,
  ALL_SEGMENTS,
} from "@/tests/support/policy-statements";

type Case = [label: string, roles: NamedPolicyInput[], action: string, resource: string, allowed: boolean];

// One row per case keeps the table scannable.
// prettier-ignore
const cases: Case[] = [
  // action names and globs
  ["an exact action", [role("r", allow(["updateIncluded"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["another exact action", [role("r", allow(["updateIncluded"], [ALL_SEGMENTS]))], "updateExcluded", SEG, false],
  ["update* covers updateIncluded", [role("r", allow(["update*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["update* covers updateScheduledChanges", [role("r", allow(["update*"], [ALL_SEGMENTS]))], "updateScheduledChanges", SEG, true],
  ["update* misses createSegment", [role("r", allow(["update*"], [ALL_SEGMENTS]))], "createSegment", SEG, false],
  ["* covers deleteSegment", [role("r", allow(["*"], [ALL_SEGMENTS]))], "deleteSegment", SEG, true],
  ["*Segment covers viewSegment", [role("r", allow(["*Segment"], [ALL_SEGMENTS]))], "viewSegment", SEG, true],
  ["*Segment misses updateRules", [role("r", allow(["*Segment"], [ALL_SEGMENTS]))], "updateRules", SEG, false],
  ["view* covers viewAuditLog", [role("r", allow(["view*"], ["acct"]))], "viewAuditLog", "acct", true],
  ["view* misses updateName", [role("r", allow(["view*"], [ALL_SEGMENTS]))], "updateName", SEG, false],
  ["update*Token* globs in the middle", [role("r", allow(["update*Token*"], ["member/*:token/*"]))], "updateAccessTokenName", TOKEN, true],
  ["one of several actions", [role("r", allow(["createSegment", "updateTags"], [ALL_SEGMENTS]))], "updateTags", SEG, true],
  ["action names are case-sensitive", [role("r", allow(["updateincluded"], [ALL_SEGMENTS]))], "updateIncluded", SEG, false],
  ["an unknown action is denied even under *", [role("r", allow(["*"], [ALL_SEGMENTS]))], "updateSegment", SEG, false],

  // tags
  ["a required tag that is present", [role("r", allow(["*"], ["proj/*;mobile"]))], "updateProject", "proj/web;mobile", true],
  ["a required tag that is missing", [role("r", allow(["*"], ["proj/*;mobile"]))], "updateProject", "proj/web", false],
  ["a required tag among others", [role("r", allow(["*"], ["proj/*;mobile"]))], "updateProject", "proj/web;beta,mobile", true],
  ["several tags, only one present", [role("r", allow(["*"], ["proj/*;mobile,beta"]))], "updateProject", "proj/web;mobile", false],
  ["several tags, all present", [role("r", allow(["*"], ["proj/*;mobile,beta"]))], "updateProject", "proj/web;beta,x,mobile", true],
  ["no tags in the specifier matches a tagged resource", [role("r", allow(["*"], ["proj/*"]))], "updateProject", "proj/web;mobile", true],
  ["tags are case-sensitive", [role("r", allow(["*"], ["proj/*;Mobile"]))], "updateProject", "proj/web;mobile", false],
  ["a tag on a parent part", [role("r", allow(["*"], ["proj/*;mobile:env/*:segment/*"]))], "updateIncluded", "proj/web;mobile:env/production:segment/beta-users", true],
  ["a tag on a parent part that is missing", [role("r", allow(["*"], ["proj/*;mobile:env/*:segment/*"]))], "updateIncluded", SEG, false],
  ["a tag on the environment", [role("r", allow(["*"], ["proj/*:env/*;prod:segment/*"]))], "updateIncluded", "proj/web:env/production;prod:segment/beta-users", true],
  ["a name and a tag", [role("r", allow(["*"], ["proj/web;mobile"]))], "updateProject", "proj/api;mobile", false],

  // notActions
  ["notActions covers other actions", [role("r", { effect: "allow", notActions: ["view*"], resources: [ALL_SEGMENTS] })], "updateIncluded", SEG, true],
  ["notActions excludes its own", [role("r", { effect: "allow", notActions: ["view*"], resources: [ALL_SEGMENTS] })], "viewSegment", SEG, false],
  ["notActions [*] covers nothing", [role("r", { effect: "allow", notActions: ["*"], resources: [ALL_SEGMENTS] })], "viewSegment", SEG, false],
  ["deny with notActions leaves the excluded actions allowed", [role("r", allow(["*"], [ALL_SEGMENTS]), { effect: "deny", notActions: ["view*"], resources: [ALL_SEGMENTS] })], "viewSegment", SEG, true],
  ["deny with notActions denies the rest", [role("r", allow(["*"], [ALL_SEGMENTS]), { effect: "deny", notActions: ["view*"], resources: [ALL_SEGMENTS] })], "updateName", SEG, false],

  // notResources
  ["notResources covers other resources", [role("r", { effect: "allow", actions: ["*"], notResources: ["proj/secret"] })], "updateProject", "proj/web", true],
  ["notResources excludes its own", [role("r", { effect: "allow", actions: ["*"], notResources: ["proj/secret"] })], "updateProject", "proj/secret", false],
  ["notResources covers other depths", [role("r", { effect: "allow", actions: ["*"], notResources: ["proj/*"] })], "updateIncluded", SEG, true],
  ["deny with notResources", [role("r", allow(["*"], [ALL_SEGMENTS]), { effect: "deny", actions: ["*"], notResources: ["proj/*:env/staging:segment/*"] })], "updateIncluded", SEG, false],
  ["deny with notResources spares the excluded resource", [role("r", allow(["*"], [ALL_SEGMENTS]), { effect: "deny", actions: ["*"], notResources: ["proj/*:env/staging:segment/*"] })], "updateIncluded", SEG_STAGING, true],
  ["notActions with notResources", [role("r", { effect: "allow", notActions: ["delete*"], notResources: ["role/*"] })], "updateIncluded", SEG, true],

  // nesting
  ["a project specifier does not cover its environments", [role("r", allow(["*"], ["proj/*"]))], "updateEnvironment", ENV, false],
  ["an environment specifier does not cover its segments", [role("r", allow(["*"], ["proj/*:env/*"]))], "updateIncluded", SEG, false],
  ["a segment specifier does not cover its environment", [role("r", allow(["*"], [ALL_SEGMENTS]))], "updateEnvironment", ENV, false],
  ["a named environment", [role("r", allow(["*"], ["proj/*:env/production:segment/*"]))], "updateIncluded", SEG, true],
  ["another environment", [role("r", allow(["*"], ["proj/*:env/production:segment/*"]))], "updateIncluded", SEG_STAGING, false],
  ["an integration is not a segment", [role("r", allow(["*"], [ALL_SEGMENTS]))], "updateIntegration", INTEGRATION, false],
  ["an integration specifier", [role("r", allow(["*"], ["proj/*:env/*:integration/*"]))], "updateIntegration", INTEGRATION, true],
  ["a personal token", [role("r", allow(["*"], ["member/*:token/*"]))], "resetAccessToken", TOKEN, true],
  ["a personal token is not a service token", [role("r", allow(["*"], ["member/*:token/*"]))], "resetAccessToken", "service-token/t1", false],
  ["a member's own tokens", [role("r", allow(["*"], ["member/m1:token/*"]))], "deleteAccessToken", "member/m2:token/t1", false],

  // deny wins within a policy
  ["deny after allow", [role("r", allow(["*"], [ALL_SEGMENTS]), deny(["updateIncluded"], [ALL_SEGMENTS]))], "updateIncluded", SEG, false],
  ["deny before allow", [role("r", deny(["updateIncluded"], [ALL_SEGMENTS]), allow(["*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, false],
  ["a deny of another action", [role("r", allow(["*"], [ALL_SEGMENTS]), deny(["updateExcluded"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["a deny on another segment", [role("r", allow(["*"], [ALL_SEGMENTS]), deny(["*"], ["proj/*:env/*:segment/other"]))], "updateIncluded", SEG, true],
  ["a deny alone", [role("r", deny(["*"], [ALL_SEGMENTS]))], "viewSegment", SEG, false],
  ["a deny by segment glob", [role("r", allow(["*"], [ALL_SEGMENTS]), deny(["update*"], ["proj/*:env/*:segment/amplitude-*"]))], "updateIncluded", "proj/web:env/production:segment/amplitude-cohort", false],
  ["a deny by segment glob spares other segments", [role("r", allow(["*"], [ALL_SEGMENTS]), deny(["update*"], ["proj/*:env/*:segment/amplitude-*"]))], "updateIncluded", SEG, true],

  // across roles, any allow grants
  ["one role denies, another allows", [role("a", deny(["*"], [ALL_SEGMENTS])), role("b", allow(["*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["the allowing role first", [role("b", allow(["*"], [ALL_SEGMENTS])), role("a", deny(["*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["one role silent, another allows", [role("a", allow(["*"], ["role/*"])), role("b", allow(["*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],
  ["every role silent", [role("a", allow(["*"], ["role/*"])), role("b", allow(["view*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, false],
  ["no roles", [], "viewSegment", SEG, false],
  ["an empty policy", [role("empty")], "viewSegment", SEG, false],

  // acct
  ["acct", [role("r", allow(["viewAuditLog"], ["acct"]))], "viewAuditLog", "acct", true],
  ["acct does not cover roles", [role("r", allow(["*"], ["acct"]))], "updateRole", "role/ops", false],
  ["role/* does not cover acct", [role("r", allow(["*"], ["role/*"]))], "viewAuditLog", "acct", false],

  // names: case and globs
  ["project names are case-sensitive", [role("r", allow(["*"], ["proj/Web"]))], "updateProject", "proj/web", false],
  ["a literal project name", [role("r", allow(["*"], ["proj/web"]))], "updateProject", "proj/web", true],
  ["segment globs are case-sensitive", [role("r", allow(["*"], ["proj/*:env/*:segment/Amplitude-*"]))], "updateIncluded", "proj/web:env/production:segment/amplitude-x", false],
  ["a segment prefix glob", [role("r", allow(["*"], ["proj/*:env/*:segment/amplitude-*"]))], "updateIncluded", "proj/web:env/production:segment/amplitude-x", true],
  ["a prefix glob matches an empty rest", [role("r", allow(["*"], ["proj/*:env/*:segment/amplitude-*"]))], "updateIncluded", "proj/web:env/production:segment/amplitude-", true],
  ["a prefix glob is anchored", [role("r", allow(["*"], ["proj/*:env/*:segment/amplitude-*"]))], "updateIncluded", "proj/web:env/production:segment/old-amplitude-x", false],
  ["a suffix glob", [role("r", allow(["*"], ["proj/*:env/*:segment/*-users"]))], "updateIncluded", SEG, true],
  ["dots in names are literal", [role("r", allow(["*"], ["proj/a.b"]))], "updateProject", "proj/axb", false],

  // built-in roles
  ["reader views a segment", [builtIn("reader")], "viewSegment", SEG, true],
  ["reader views a project", [builtIn("reader")], "viewProject", "proj/web", true],
  ["reader views an integration", [builtIn("reader")], "viewIntegration", INTEGRATION, true],
  ["reader views the audit log", [builtIn("reader")], "viewAuditLog", "acct", true],
  ["reader views a token", [builtIn("reader")], "viewAccessToken", TOKEN, true],
  ["reader views a role", [builtIn("reader")], "viewRole", "role/ops", true],
  ["reader views a member", [builtIn("reader")], "viewMember", "member/m1", true],
  ["reader cannot change a segment", [builtIn("reader")], "updateIncluded", SEG, false],
  ["reader cannot create a project", [builtIn("reader")], "createProject", "proj/web", false],
  ["writer changes a segment", [builtIn("writer")], "updateIncluded", SEG, true],
  ["writer creates a segment", [builtIn("writer")], "createSegment", SEG, true],
  ["writer creates a project", [builtIn("writer")], "createProject", "proj/web", true],
  ["writer deletes an environment", [builtIn("writer")], "deleteEnvironment", ENV, true],
  ["writer changes an integration", [builtIn("writer")], "updateIntegration", INTEGRATION, true],
  ["writer views members", [builtIn("writer")], "viewMember", "member/m1", true],
  ["writer cannot create a token", [builtIn("writer")], "createAccessToken", TOKEN, false],
  ["writer cannot create a role", [builtIn("writer")], "createRole", "role/ops", false],
  ["writer cannot change a member's role", [builtIn("writer")], "updateMemberRole", "member/m1", false],
  ["writer cannot reset a service token", [builtIn("writer")], "resetAccessToken", "service-token/t1", false],
  ["admin changes a segment", [builtIn("admin")], "updateIncluded", SEG, true],
  ["admin creates a token", [builtIn("admin")], "createAccessToken", TOKEN, true],
  ["admin resets a service token", [builtIn("admin")], "resetAccessToken", "service-token/t1", true],
  ["admin creates a role", [builtIn("admin")], "createRole", "role/ops", true],
  ["admin changes a member's role", [builtIn("admin")], "updateMemberRole", "member/m1", true],
  ["admin views the audit log", [builtIn("admin")], "viewAuditLog", "acct", true],
  ["owner deletes a member", [builtIn("owner")], "deleteMember", "member/m1", true],
  ["owner changes a segment", [builtIn("owner")], "updateRules", SEG, true],
  ["no_access cannot view", [builtIn("no_access")], "viewProject", "proj/web", false],
  ["no_access with a custom role", [builtIn("no_access"), role("r", allow(["view*"], ["proj/*"]))], "viewProject", "proj/web", true],
  ["reader with a custom segment role", [builtIn("reader"), role("seg", allow(["update*"], [ALL_SEGMENTS]))], "updateIncluded", SEG, true],

  // a resource that does not parse
  ["an invalid resource", [role("r", { effect: "allow", actions: ["*"], notResources: ["role/*"] })], "updateProject", "proj/web:env", false],
  ["an unknown resource type", [role("r", { effect: "allow", actions: ["*"], notResources: ["role/*"] })], "viewProject", "flag/x", false],
];

describe("evaluateAccess", () => {
  it("has a broad table", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)("%s", (_label, roles, action, resource, allowed) => {
    expect(evaluateAccess(roles, action, resource).allowed).toBe(allowed);
  });

  it("names the allowing role and statement", () => {
    const writer = builtIn("writer");
    const result = evaluateAccess([builtIn("reader"), writer], "updateIncluded", SEG);
    expect(result).toEqual({
      allowed: true,
      reason: `role "writer" allows updateIncluded on ${SEG} (statement 0)`,
      matched: { role: "writer", statementIndex: 0, statement: writer.policy[0] },
    });
  });

  it("names the denying statement when no role allows", () => {
    const denying = deny(["updateIncluded"], [ALL_SEGMENTS]);
    const result = evaluateAccess(
      [role("locked", allow(["*"], [ALL_SEGMENTS]), denying)],
      "updateIncluded",
      SEG,
    );
    expect(result).toEqual({
      allowed: false,
      reason: `role "locked" denies updateIncluded on ${SEG} (statement 1) and no role allows it`,
      matched: { role: "locked", statementIndex: 1, statement: denying },
    });
  });

  it("says nothing allows when nothing matches", () => {
    expect(evaluateAccess([builtIn("reader")], "updateIncluded", SEG)).toEqual({
      allowed: false,
      reason: `no statement allows updateIncluded on ${SEG}`,
      matched: null,
    });
  });

  it("explains an unknown action and an invalid resource", () => {
    expect(evaluateAccess([builtIn("owner")], "updateSegment", SEG).reason).toBe(
      '"updateSegment" is not a known action',
    );
    expect(evaluateAccess([builtIn("owner")], "viewProject", "proj/web:env").reason).toContain(
      '"proj/web:env" is not a valid resource',
    );
  });

  it("never lets a statement that bypassed validation grant access", () => {
    const broken: PolicyStatement[] = [
      { effect: "allow", actions: ["*"], notActions: ["view*"], resources: ["proj/*"] },
      { effect: "allow", actions: [], notResources: ["role/*"] },
      { effect: "allow", notActions: [], resources: ["proj/*"] },
      { effect: "allow", actions: ["*"], notResources: ["proj/*", "not a specifier"] },
      { effect: "allow", actions: ["*"] },
    ];
    for (const statement of broken) {
      expect(evaluateAccess([role("r", statement)], "updateProject", "proj/web").allowed).toBe(false);
    }
    const brokenDeny: PolicyStatement = { effect: "deny", actions: ["*"], resources: ["proj/*:env"] };
    expect(evaluatePolicy([allow(["*"], ["proj/*"]), brokenDeny], "updateProject", "proj/web").effect).toBe(
      "deny",
    );
  });
});
