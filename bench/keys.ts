import { randomBytes } from "node:crypto";

/** Random 33-character keys, as in PERF_NOTES.md. */
export function randomKeys(count: number): string[] {
  return Array.from({ length: count }, () => randomBytes(25).toString("base64url").slice(0, 33));
}
