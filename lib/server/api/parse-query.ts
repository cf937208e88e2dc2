import type { z } from "zod";

/** Parses a route's query string with a zod schema; a bad value becomes a 400 through the wrapper's error mapping. */
export function parseQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(url.searchParams.entries()));
}
