/** `/api/v2/segment-targets/[integrationKey]` → a regex with one group per dynamic segment, and the names. */
export function compilePagePattern(page: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = page
    .split("/")
    .map((part) => {
      const dynamic = /^\[([A-Za-z][A-Za-z0-9]*)\]$/.exec(part);
      if (!dynamic?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      paramNames.push(dynamic[1]);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), paramNames };
}
