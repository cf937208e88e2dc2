import { ApiError } from "@/lib/server/api/errors";

/** A NUL, which PostgreSQL text cannot hold, or a UTF-16 surrogate without its pair, which has no UTF-8 form. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const INVALID_PATH_MESSAGE =
  "The request path is not valid: it must be UTF-8, percent-encoded, without NUL characters";

/** The path of a request URL as sent, still percent-encoded. */
function rawPath(url: string): string {
  const schemeEnd = url.indexOf("//");
  const start = url.indexOf("/", schemeEnd === -1 ? 0 : schemeEnd + 2);
  if (start === -1) return "/";
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
}

function decodesCleanly(path: string): boolean {
  try {
    return !UNSTORABLE.test(decodeURIComponent(path));
  } catch {
    return false;
  }
}

/**
 * Refuses, with a 400, a request whose path is not valid percent-encoded UTF-8 or names a key holding a NUL or an unpaired
 * surrogate: no key can hold these, and the database would refuse (NUL) or silently change (surrogate) them.
 */
export function assertPathParams(url: string, params: Readonly<Record<string, string>>): void {
  const clean =
    decodesCleanly(rawPath(url)) && Object.values(params).every((value) => !UNSTORABLE.test(value));
  if (!clean) {
    throw new ApiError("invalid_request", INVALID_PATH_MESSAGE);
  }
}
