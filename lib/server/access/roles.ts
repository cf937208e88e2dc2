/** Built-in roles, written in the same grammar as custom roles so that one engine decides for both. */
import type { Policy, PolicyStatement } from "@/lib/schemas/policy";

export const builtInRoleNames = ["reader", "writer", "admin", "owner", "no_access"] as const;

export type BuiltInRole = (typeof builtInRoleNames)[number];

const PROJECT_RESOURCES = ["proj/*", "proj/*:env/*", "proj/*:env/*:segment/*", "proj/*:env/*:integration/*"];

const ACCOUNT_RESOURCES = ["member/*", "member/*:token/*", "service-token/*", "role/*", "acct"];

/** The roles are shared by every request: freezing them turns an accidental mutation into an error instead of a grant. */
function frozen(statements: PolicyStatement[]): Policy {
  for (const statement of statements) {
    for (const list of [
      statement.actions,
      statement.notActions,
      statement.resources,
      statement.notResources,
    ]) {
      if (list !== undefined) Object.freeze(list);
    }
    Object.freeze(statement);
  }
  Object.freeze(statements);
  return statements;
}

const viewEverything = (): PolicyStatement => ({
  effect: "allow",
  actions: ["view*"],
  resources: [...PROJECT_RESOURCES, ...ACCOUNT_RESOURCES],
});

const adminPolicy = (): Policy =>
  frozen([
    { effect: "allow", actions: ["*"], resources: [...PROJECT_RESOURCES] },
    { effect: "allow", actions: ["*"], resources: [...ACCOUNT_RESOURCES] },
    viewEverything(),
  ]);

export const BUILT_IN_ROLES: Readonly<Record<BuiltInRole, Policy>> = Object.freeze({
  reader: frozen([viewEverything()]),
  writer: frozen([{ effect: "allow", actions: ["*"], resources: [...PROJECT_RESOURCES] }, viewEverything()]),
  admin: adminPolicy(),
  owner: adminPolicy(),
  no_access: frozen([]),
});

export function isBuiltInRole(name: string): name is BuiltInRole {
  return Object.hasOwn(BUILT_IN_ROLES, name);
}
