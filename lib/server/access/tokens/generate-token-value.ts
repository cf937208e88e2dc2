import { randomBytes } from "node:crypto";

/** `api-` followed by 43 URL-safe random characters (256 bits). */
export function generateTokenValue(): { value: string; ending: string } {
  const value = `api-${randomBytes(32).toString("base64url")}`;
  return { value, ending: value.slice(-4) };
}
