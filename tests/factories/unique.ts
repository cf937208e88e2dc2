import { randomBytes } from "node:crypto";

/** A short unique suffix, so every test works in its own tenant (project, member, token) on a shared database. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
