import "server-only";
import { prisma } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentListQuery, SegmentResponse } from "@/lib/schemas/segment";
import { ApiError } from "@/lib/server/api/errors";
import { checkAccess } from "@/lib/server/access/check-access";
import type { Principal } from "@/lib/server/access/principal";
import { segmentResource } from "@/lib/server/access/resource-names";
import { environmentNotFound } from "@/lib/server/environments/environment-not-found";
import { maySeeEnvironment } from "@/lib/server/environments/may-see-environment";
import { canViewEverySegment } from "@/lib/server/segments/can-view-every-segment";
import {
  parseSegmentFilter,
  type FreshnessFilter,
  type SegmentFilter,
  type SegmentFilterClause,
} from "@/lib/server/segments/parse-segment-filter";
import { env } from "@/lib/env";
import { serializeSegment } from "@/lib/server/segments/serialize-segment";
import { tagSpellings } from "@/lib/server/segments/tag-spellings";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

type EnvironmentWithProject = {
  id: string;
  key: string;
  tags: string[];
  project: { key: string; tags: string[] };
};

const SORT_COLUMNS = { creationDate: "createdAt", name: "name", lastModified: "updatedAt" } as const;

/** Each field of `sort` in turn (`-` descending); the key breaks the remaining ties, so paging never skips or repeats. */
function orderBy(sort: string): Prisma.SegmentOrderByWithRelationInput[] {
  const fields = sort.split(",").map((field) => {
    const descending = field.startsWith("-");
    const name = (descending ? field.slice(1) : field) as keyof typeof SORT_COLUMNS;
    return { [SORT_COLUMNS[name]]: descending ? "desc" : "asc" };
  });
  return [...fields, { key: "asc" }];
}

/** LIKE treats `%`, `_` and `\` specially; a search for "a_b" means those three characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** The same rules as the dashboard's freshness badge (components/segments/freshness.ts), as a query. */
function freshnessCondition(freshness: FreshnessFilter, now: number): Prisma.SegmentWhereInput {
  if (freshness === "failed") return { lastSyncStatus: "failed" };
  const synced: Prisma.SegmentWhereInput = { external: { not: null } };
  if (freshness === "never") return { ...synced, lastSyncAt: null };
  const staleBefore = new Date(now - env().TRIBUTARY_STALE_AFTER_HOURS * 3_600_000);
  if (freshness === "stale") {
    return { ...synced, lastSyncAt: { lt: staleBefore }, NOT: { lastSyncStatus: "failed" } };
  }
  return {
    ...synced,
    lastSyncAt: { gte: staleBefore },
    lastSyncStatus: freshness === "partial" ? "partially_applied" : "succeeded",
  };
}

/** Each filter-side tag's stored spellings, keyed by the lower-cased tag (see `tagSpellings`). */
type Spellings = Map<string, string[]>;

function clauseCondition(
  clause: SegmentFilterClause,
  now: number,
  spellings: Spellings,
): Prisma.SegmentWhereInput {
  switch (clause.field) {
    case "query":
      return {
        OR: clause.anyOf.flatMap((text) => {
          const contains = escapeLike(text);
          return (["key", "name", "description"] as const).map((column) => ({
            [column]: { contains, mode: "insensitive" as const },
          }));
        }),
      };
    case "tags":
      return { tags: { hasSome: clause.anyOf.flatMap((tag) => spellings.get(tag.toLowerCase()) ?? [tag]) } };
    case "includedKeys":
      return { key: { in: clause.anyOf } };
    case "excludedKeys":
      return { key: { notIn: clause.anyOf } };
    case "unbounded":
      return { unbounded: clause.equals };
    case "synced":
      return { external: clause.equals ? { not: null } : null };
    case "external":
      return { external: "exists" in clause ? { not: null } : clause.equals };
    case "freshness":
      return freshnessCondition(clause.equals, now);
  }
}

function filterCondition(filter: SegmentFilter, now: number, spellings: Spellings): Prisma.SegmentWhereInput {
  if ("all" in filter) return { AND: filter.all.map((part) => filterCondition(part, now, spellings)) };
  if ("any" in filter) return { OR: filter.any.map((part) => filterCondition(part, now, spellings)) };
  return clauseCondition(filter, now, spellings);
}

function filterTags(filter: SegmentFilter): string[] {
  if ("all" in filter) return filter.all.flatMap(filterTags);
  if ("any" in filter) return filter.any.flatMap(filterTags);
  return filter.field === "tags" ? filter.anyOf : [];
}

/** Tags match case-insensitively: each is looked for in every spelling the environment uses. */
async function where(environmentId: string, filter: SegmentFilter): Promise<Prisma.SegmentWhereInput> {
  const spellings = await tagSpellings(environmentId, filterTags(filter));
  return { AND: [{ environmentId }, filterCondition(filter, Date.now(), spellings)] };
}

/**
 * One page of an environment's segments that the principal may view. When the principal's policies allow viewing every
 * segment there (built-in roles, `segment/*` grants), the database pages and counts; otherwise each matching segment's
 * access is checked first, so that `totalCount` and the paging links count only visible segments. A caller who may see
 * nothing in the environment gets the 404 of a made-up environment, not an empty list.
 */
export async function listSegments(
  principal: Principal,
  environment: EnvironmentWithProject,
  query: SegmentListQuery,
): Promise<{ items: SegmentResponse[]; totalCount: number }> {
  if (!(await maySeeEnvironment(principal, environment))) {
    throw environmentNotFound(environment.project.key, environment.key);
  }
  const filter = parseSegmentFilter(query.filter);
  if (!filter.ok) throw new ApiError("invalid_request", filter.error);
  const location = { projectKey: environment.project.key, environmentKey: environment.key };
  const matching = await where(environment.id, filter.value);
  const order = orderBy(query.sort);
  const visible = (segment: { key: string; tags: string[] }) =>
    checkAccess(principal, "viewSegment", segmentResource(environment.project, environment, segment)).allowed;

  if (canViewEverySegment(principal, environment.project, environment)) {
    const [rows, totalCount] = await runTransaction((tx) =>
      Promise.all([
        tx.segment.findMany({ where: matching, orderBy: order, skip: query.offset, take: query.limit }),
        tx.segment.count({ where: matching }),
      ]),
    );
    return { items: rows.filter(visible).map((row) => serializeSegment(row, location)), totalCount };
  }

  const candidates = await prisma.segment.findMany({
    where: matching,
    orderBy: order,
    select: { id: true, key: true, tags: true },
  });
  const allowed = candidates.filter(visible);
  const pageIds = allowed.slice(query.offset, query.offset + query.limit).map((segment) => segment.id);
  const rows = pageIds.length === 0 ? [] : await prisma.segment.findMany({ where: { id: { in: pageIds } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = pageIds.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [serializeSegment(row, location)];
  });
  return { items, totalCount: allowed.length };
}
