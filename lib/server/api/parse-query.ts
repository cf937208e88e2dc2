import type { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";

/**
 * Parses a route's query string with a zod schema; a bad value becomes a 400 through the wrapper's error mapping. A NUL
 * in any parameter is refused first: no key, name or filter holds one, and PostgreSQL text cannot.
 */
export function parseQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
  const entries = [...url.searchParams.entries()];
  const withNul = entries.find(([name, value]) => name.includes("\0") || value.includes("\0"));
  if (withNul !== undefined) {
    throw new ApiError(
      "invalid_request",
      `Query parameter "${withNul[0].replaceAll("\0", "")}" contains a NUL character`,
    );
  }
  return schema.parse(Object.fromEntries(entries));
}
