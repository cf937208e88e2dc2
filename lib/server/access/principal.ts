import type { Policy } from "@/lib/schemas/policy";

export type NamedPolicy = { name: string; policy: Policy };

/** Who is calling: a member's dashboard session, or an access token (personal or service). */
export type Principal = {
  kind: "token" | "session";
  member: { id: string; email: string; role: string };
  token: { id: string; name: string; ending: string; serviceToken: boolean } | null;
  /** The roles that grant this principal's access (the token's own, or the member's for a session). */
  roles: NamedPolicy[];
  /** A personal token never exceeds its member's access: these roles must allow the action too. */
  boundedBy: NamedPolicy[] | null;
};
