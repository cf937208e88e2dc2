import "server-only";
import { env } from "@/lib/env";

/** Whether TRIBUTARY_STORE_ALLOWED_HOSTS lets a store use this (normalized) host; unset lets every host. */
export function storeHostAllowed(host: string): boolean {
  const allowed = env().TRIBUTARY_STORE_ALLOWED_HOSTS;
  return allowed === null || allowed.includes(host);
}
