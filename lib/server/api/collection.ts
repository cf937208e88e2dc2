import type { Collection, Link } from "@/lib/schemas/common";

/** LaunchDarkly's collection shape with limit/offset links. */
export function toCollection<T>(
  items: T[],
  totalCount: number,
  page: { url: URL; limit: number; offset: number },
): Collection<T> {
  const link = (offset: number): Link => {
    const url = new URL(page.url.pathname + page.url.search, "http://placeholder");
    url.searchParams.set("limit", String(page.limit));
    url.searchParams.set("offset", String(offset));
    return { href: `${url.pathname}${url.search}`, type: "application/json" };
  };
  const links: Collection<T>["_links"] = { self: link(page.offset) };
  if (page.offset + page.limit < totalCount) links.next = link(page.offset + page.limit);
  if (page.offset > 0) links.prev = link(Math.max(0, page.offset - page.limit));
  return { items, totalCount, _links: links };
}
