import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import {
  AUDIT_CATEGORY_KINDS,
  type AuditCategory,
  type AuditEntryResponse,
  type AuditLogQuery,
  type AuditLogSearch,
} from "@/lib/schemas/audit";
import {
  matchResource,
  parseResource,
  parseResourceSpecifier,
  type ResourceSpecifier,
} from "@/lib/server/access/resource";
import type { Principal } from "@/lib/server/access/principal";
import { mayViewAuditTarget } from "@/lib/server/audit/may-view-audit-target";
import { serializeAuditEntry } from "@/lib/server/audit/serialize-audit-entry";
import { viewsEverything } from "@/lib/server/audit/views-everything";

/** Prisma's string filters are LIKE patterns; PostgreSQL's default escape character is the backslash. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * Whether an entry's target falls under `spec`: the target itself, or one of its ancestors (its first parts), matches the
 * specifier. So `proj/web` selects the project and everything in it, `proj/*:env/production:segment/*` every segment of
 * every production environment. A target that is not in the resource grammar is compared by plain prefix instead.
 */
function targetMatches(spec: ResourceSpecifier, target: string): boolean {
  const parsed = parseResource(target);
  if (!parsed.ok) return target.startsWith(spec.text);
  const depth = spec.parts.length;
  if (parsed.value.parts.length < depth) return false;
  return matchResource(spec, { text: target, parts: parsed.value.parts.slice(0, depth) });
}

/**
 * The part of a specifier that every matching target starts with: its first part's name up to a glob. No further, since
 * the target's first part may carry tags the specifier does not name (`proj/web;team-a:env/...` falls under
 * `proj/web:env/*`, as policies match), and those come right after the name.
 */
function literalPrefix(spec: string): string {
  const end = spec.search(/[*;:]/);
  return end === -1 ? spec : spec.slice(0, end);
}

function specifiers(texts: readonly string[]): ResourceSpecifier[] {
  return texts.flatMap((text) => {
    const parsed = parseResourceSpecifier(text);
    return parsed.ok ? [parsed.value] : [];
  });
}

/** Whether a search's statements keep an entry about `target`: an `allow` selects it and no `deny` does. */
function statementsKeep(statements: AuditLogSearch, target: string): boolean {
  const selects = (statement: AuditLogSearch[number]) =>
    statement.resources !== undefined
      ? specifiers(statement.resources).some((spec) => targetMatches(spec, target))
      : !specifiers(statement.notResources ?? []).some((spec) => targetMatches(spec, target));
  const allowed = statements.some((statement) => statement.effect === "allow" && selects(statement));
  return allowed && !statements.some((statement) => statement.effect === "deny" && selects(statement));
}

/** Entries of the given categories: syncs and sign-ins by their stored kinds, changes by every other kind. */
function categoryCondition(categories: readonly AuditCategory[]): Prisma.AuditEntryWhereInput {
  const special = Object.values(AUDIT_CATEGORY_KINDS).flat();
  return {
    OR: categories.map((category) =>
      category === "change"
        ? { kind: { notIn: special } }
        : { kind: { in: [...AUDIT_CATEGORY_KINDS[category]] } },
    ),
  };
}

/**
 * The audit log, newest first then `_id` descending. `before`/`after` are exclusive epoch ms; `q` searches name,
 * description and target, case-insensitively, and `target` the target alone; `category`, `memberId` and `tokenId` keep
 * entries of those categories, by that member (not through a service token) or made with that token; `spec` keeps entries whose target falls under a resource specifier (see
 * `targetMatches`), and `statements` (LaunchDarkly's search body) those its statements keep. Targets are far fewer than
 * entries, so `spec` and `statements` are resolved to the matching distinct targets first and
 * the page is then read with an ordinary indexed query, which keeps `totalCount` exact. A caller whose roles do not view
 * everything sees, and counts, only entries about what it may view, resolved the same way through distinct targets.
 */
export async function listAuditEntries(
  principal: Principal,
  query: AuditLogQuery,
): Promise<{ items: AuditEntryResponse[]; totalCount: number }> {
  const conditions: Prisma.AuditEntryWhereInput[] = [];
  if (query.before !== undefined || query.after !== undefined) {
    conditions.push({
      date: {
        ...(query.before !== undefined ? { lt: new Date(query.before) } : {}),
        ...(query.after !== undefined ? { gt: new Date(query.after) } : {}),
      },
    });
  }
  if (query.q !== undefined && query.q !== "") {
    const contains = escapeLike(query.q);
    conditions.push({
      OR: [
        { name: { contains, mode: "insensitive" } },
        { description: { contains, mode: "insensitive" } },
        { target: { contains, mode: "insensitive" } },
      ],
    });
  }
  if (query.target !== undefined && query.target !== "") {
    conditions.push({ target: { contains: escapeLike(query.target), mode: "insensitive" } });
  }
  if (query.category !== undefined) conditions.push(categoryCondition(query.category));
  if (query.memberId !== undefined) conditions.push({ memberId: query.memberId, tokenService: false });
  if (query.tokenId !== undefined) conditions.push({ tokenId: query.tokenId });
  if (query.spec !== undefined) {
    const parsed = parseResourceSpecifier(query.spec);
    const spec = parsed.ok ? parsed.value : null;
    const candidates = await prisma.auditEntry.findMany({
      where: { AND: [...conditions, { target: { startsWith: escapeLike(literalPrefix(query.spec)) } }] },
      distinct: ["target"],
      select: { target: true },
    });
    const targets =
      spec === null
        ? []
        : candidates.map((row) => row.target).filter((target) => targetMatches(spec, target));
    conditions.push({ target: { in: targets } });
  }
  if (query.statements !== undefined) {
    const statements = query.statements;
    const candidates = await prisma.auditEntry.findMany({
      where: { AND: conditions },
      distinct: ["target"],
      select: { target: true },
    });
    const kept = candidates.map((row) => row.target).filter((target) => statementsKeep(statements, target));
    conditions.push({ target: { in: kept } });
  }

  if (!viewsEverything(principal)) {
    const candidates = await prisma.auditEntry.findMany({
      where: { AND: conditions },
      distinct: ["target"],
      select: { target: true },
    });
    const visible = candidates
      .map((row) => row.target)
      .filter((target) => mayViewAuditTarget(principal, target));
    conditions.push({ target: { in: visible } });
  }

  const where: Prisma.AuditEntryWhereInput = { AND: conditions };
  const [entries, totalCount] = await Promise.all([
    prisma.auditEntry.findMany({
      where,
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: query.offset,
      take: query.limit,
    }),
    prisma.auditEntry.count({ where }),
  ]);
  return { items: entries.map(serializeAuditEntry), totalCount };
}
