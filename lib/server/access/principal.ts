import type { Policy } from "@/lib/schemas/policy";

/**
 * A role's policy as a principal holds it. `kind: "built-in"` is set only where a principal is built from a built-in role
 * (member-policies.ts), never for custom roles or inline policies, so a custom role that borrows a built-in name cannot
 * pass for one. A discriminant rather than object identity, since a principal may be built by another copy of the module
 * than the one that reads it (the hot-route server beside Next.js's bundle).
 */
export type NamedPolicy = { name: string; policy: Policy; kind?: "built-in" };

/** Who is calling: a member's dashboard session, or an access token (personal or service). */
export type Principal = {
  kind: "token" | "session";
  member: { id: string; email: string; role: string };
  token: {
    id: string;
    name: string;
    ending: string;
    serviceToken: boolean;
    /** Authenticated with a reset's old value during its grace period: it may not reset, change or delete its token. */
    graceValue?: boolean;
  } | null;
  /** The roles that grant this principal's access (the token's own, or the member's for a session). */
  roles: NamedPolicy[];
  /** A personal token never exceeds its member's access: these roles must allow the action too. */
  boundedBy: NamedPolicy[] | null;
};
