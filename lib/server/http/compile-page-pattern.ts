export type PageParam = { name: string; catchAll: boolean };

/**
 * `/api/v2/segment-targets/[integrationKey]` → a regex with one group per dynamic segment, and the names; a catch-all
 * `[...path]` takes one or more whole segments.
 */
export function compilePagePattern(page: string): { pattern: RegExp; params: PageParam[] } {
  const params: PageParam[] = [];
  const source = page
    .split("/")
    .map((part) => {
      const dynamic = /^\[(\.\.\.)?([A-Za-z][A-Za-z0-9]*)\]$/.exec(part);
      if (!dynamic?.[2]) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const catchAll = dynamic[1] !== undefined;
      params.push({ name: dynamic[2], catchAll });
      return catchAll ? "(.+)" : "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), params };
}
