/** Longest `filter` the project list accepts (400 above). */
export const MAX_PROJECT_FILTER_LENGTH = 512;

/** The project list's sort orders: LaunchDarkly's two fields, a leading dash for descending. */
export const PROJECT_SORTS = ["name", "-name", "createdOn", "-createdOn"] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export type ProjectFilter = { query: string | null; tags: string[]; keys: string[] };

/**
 * LaunchDarkly's project filter: comma-separated `field:value` clauses, `query:<text>` (in the name or key, any case),
 * `tags:<tag>+<tag>` (all of them) and `keys:<key>|<key>` (any of them). Null when a clause is not one of these, so the
 * list answers 400 instead of ignoring what it cannot apply.
 */
export function parseProjectFilter(text: string): ProjectFilter | null {
  const filter: ProjectFilter = { query: null, tags: [], keys: [] };
  for (const clause of text.split(",")) {
    const colon = clause.indexOf(":");
    if (colon < 0) return null;
    const field = clause.slice(0, colon).trim();
    const value = clause.slice(colon + 1).trim();
    if (value === "") return null;
    if (field === "query") filter.query = value;
    else if (field === "tags") filter.tags.push(...value.split("+").filter((tag) => tag !== ""));
    else if (field === "keys") filter.keys.push(...value.split("|").filter((key) => key !== ""));
    else return null;
  }
  return filter;
}
