import { randomBytes } from "node:crypto";

/** 24 lowercase hex characters, like LaunchDarkly's client-side IDs. */
export function generateClientSideId(): string {
  return randomBytes(12).toString("hex");
}
