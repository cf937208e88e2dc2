import { AUDIT_CATEGORIES, type AuditCategory } from "@/lib/schemas/audit";
import type { AuditLogFilter } from "@/lib/queries/audit-log";
import { parseResourceSpecifier } from "@/lib/server/access/resource";

/**
 * The audit page's filters, as its URL holds them (so a filtered log survives a reload, Back, and can be shared):
 * `q`, `resource`, `from`/`to` (days, `YYYY-MM-DD`), `kind` (one category), `syncs=shown`, `member` or `token` (an id).
 */
export type AuditPageFilters = {
  q: string;
  resource: string;
  from: string;
  to: string;
  kind: AuditCategory | null;
  /** Syncs drown people's changes, so they are hidden unless asked for (or `kind` is `sync`). */
  showSyncs: boolean;
  actor: { type: "member" | "token"; id: string } | null;
};

export const DEFAULT_AUDIT_FILTERS: AuditPageFilters = {
  q: "",
  resource: "",
  from: "",
  to: "",
  kind: null,
  showSyncs: false,
  actor: null,
};

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function param(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

/** The filters a URL asks for; anything malformed is dropped rather than sent on to fail. */
export function readAuditFilters(params: SearchParamsLike): AuditPageFilters {
  const kind = param(params, "kind");
  const member = param(params, "member");
  const token = param(params, "token");
  const day = (name: string) => (DAY.test(param(params, name)) ? param(params, name) : "");
  return {
    q: param(params, "q"),
    resource: param(params, "resource"),
    from: day("from"),
    to: day("to"),
    kind: (AUDIT_CATEGORIES as readonly string[]).includes(kind) ? (kind as AuditCategory) : null,
    showSyncs: param(params, "syncs") === "shown",
    actor: ID.test(token)
      ? { type: "token", id: token }
      : ID.test(member)
        ? { type: "member", id: member }
        : null,
  };
}

/** The URL query for `filters`, leaving out every default. */
export function writeAuditFilters(filters: AuditPageFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.q) query.set("q", filters.q);
  if (filters.resource) query.set("resource", filters.resource);
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.kind) query.set("kind", filters.kind);
  if (filters.showSyncs) query.set("syncs", "shown");
  if (filters.actor) query.set(filters.actor.type, filters.actor.id);
  return query;
}

/** A day in the browser's zone as epoch ms at its start, or undefined for an empty or invalid day. */
function startOfDay(day: string): number | undefined {
  if (day === "") return undefined;
  const start = new Date(`${day}T00:00:00`).getTime();
  return Number.isNaN(start) ? undefined : start;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The API query of the filters (without paging). The resource field takes a resource specifier (its children match
 * too) or, when the text is not one, plain text searched in targets. The days' bounds are exclusive in the API: "from"
 * includes its first millisecond, "to" its whole day.
 */
export function auditApiFilter(filters: AuditPageFilters): Omit<AuditLogFilter, "limit" | "offset"> {
  const from = startOfDay(filters.from);
  const to = startOfDay(filters.to);
  const resource = filters.resource;
  const isSpecifier = resource !== "" && parseResourceSpecifier(resource).ok;
  const category: AuditCategory[] | undefined = filters.kind
    ? [filters.kind]
    : filters.showSyncs
      ? undefined
      : AUDIT_CATEGORIES.filter((category) => category !== "sync");
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(isSpecifier ? { spec: resource } : resource ? { target: resource } : {}),
    ...(category ? { category } : {}),
    ...(filters.actor?.type === "member" ? { memberId: filters.actor.id } : {}),
    ...(filters.actor?.type === "token" ? { tokenId: filters.actor.id } : {}),
    ...(from === undefined ? {} : { after: from - 1 }),
    ...(to === undefined ? {} : { before: to + DAY_MS }),
  };
}

/** Whether the server can ask what the browser will ask: day bounds depend on the browser's time zone. */
export function dependsOnTimeZone(filters: AuditPageFilters): boolean {
  return filters.from !== "" || filters.to !== "";
}
