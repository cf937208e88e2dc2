import type { PolicyStatement } from "@/lib/schemas/policy";
import type { NamedPolicyInput } from "@/lib/server/access/policy";
import { BUILT_IN_ROLES } from "@/lib/server/access/roles";

/** Statements, roles and resources the policy evaluation tests share. */
export const allow = (actions: string[], resources: string[]): PolicyStatement => ({
  effect: "allow",
  actions,
  resources,
});
export const deny = (actions: string[], resources: string[]): PolicyStatement => ({
  effect: "deny",
  actions,
  resources,
});
export const role = (name: string, ...policy: PolicyStatement[]): NamedPolicyInput => ({ name, policy });
export const builtIn = (name: keyof typeof BUILT_IN_ROLES): NamedPolicyInput => ({
  name,
  policy: BUILT_IN_ROLES[name],
});

export const SEG = "proj/web:env/production:segment/beta-users";
export const SEG_STAGING = "proj/web:env/staging:segment/beta-users";
export const ENV = "proj/web:env/production";
export const INTEGRATION = "proj/web:env/production:integration/int-1";
export const TOKEN = "member/m1:token/t1";
export const ALL_SEGMENTS = "proj/*:env/*:segment/*";
export const CONCRETE_EXAMPLES = [
  "proj/web",
  ENV,
  SEG,
  INTEGRATION,
  "member/m1",
  TOKEN,
  "service-token/t1",
  "role/ops",
  "acct",
];
