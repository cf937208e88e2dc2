"use client";

import { createContext, useContext, type ReactNode } from "react";
import { permissionSentence, type DeniedAction, type PlaceNames } from "@/lib/permission-phrases";

/** The signed-in member's role names (built-in role or custom role keys), set once by the dashboard layout. */
const RolesContext = createContext<readonly string[]>([]);

export function PermissionRolesProvider({
  roles,
  children,
}: {
  roles: readonly string[];
  children: ReactNode;
}) {
  return <RolesContext.Provider value={roles}>{children}</RolesContext.Provider>;
}

export type PermissionCheck = {
  action: string;
  resource: string;
  /** The engine's decision; undefined while not known yet (nothing is said then). */
  decision: { allowed: boolean; reason: string } | undefined;
};

/** The checks that were denied, for `PermissionNotice` and for deciding whether a table needs one. */
export function deniedActions(checks: readonly PermissionCheck[]): DeniedAction[] {
  return checks.flatMap(({ action, resource, decision }) =>
    decision !== undefined && !decision.allowed ? [{ action, resource, reason: decision.reason }] : [],
  );
}

/**
 * Says once, above a table or a page's controls, what the member's roles do not allow there ("Your role, Reader,
 * cannot delete segments in production"), with the policy engine's exact reasons in a disclosure. Renders nothing
 * when every check is allowed. `id` names the sentence: disabled controls point at it (`GuardedButton`'s `explainedBy`).
 */
export function PermissionNotice({
  id,
  checks,
  names,
}: {
  id?: string;
  checks: readonly PermissionCheck[];
  /** Display names for the keys in the resources, when the page knows them. */
  names?: PlaceNames;
}) {
  const roles = useContext(RolesContext);
  const denied = deniedActions(checks);
  if (denied.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="Permissions"
      className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700"
    >
      {/* The sentence, not the whole note, is what disabled controls point at as their description. */}
      <p id={id}>{permissionSentence(roles, denied, names)} Ask an admin if you need to.</p>
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer">Why, as the policy engine says it</summary>
        <ul className="mt-1 list-disc pl-5 font-mono">
          {denied.map(({ action, resource, reason }) => (
            <li key={`${action} ${resource}`}>
              {action} on {resource}: {reason}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
