import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv6");
}

/** Whether an address is loopback, private, link-local, carrier-grade NAT, multicast or unspecified. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return INTERNAL.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** Whether TRIBUTARY_ALERT_ALLOWED_HOSTS lets a destination reach this host even on an internal address. */
export function alertHostAllowed(url: URL): boolean {
  return env().TRIBUTARY_ALERT_ALLOWED_HOSTS.includes(hostOf(url));
}

export type ResolvedAddress = { address: string; family: 4 | 6 };

/**
 * The address a delivery connects to, resolved once and then used for the connection itself (so a DNS answer cannot
 * change between the check and the request). An internal address is refused unless the host is explicitly allowed.
 */
export async function resolveDestinationAddress(url: URL): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const literal = isIP(host);
  const resolved: ResolvedAddress = literal
    ? { address: host, family: literal === 4 ? 4 : 6 }
    : await lookup(host).then(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  if (isInternalAddress(resolved.address) && !alertHostAllowed(url)) {
    throw new Error(
      `${host} resolves to an internal address (${resolved.address}); allow it with TRIBUTARY_ALERT_ALLOWED_HOSTS`,
    );
  }
  return resolved;
}
