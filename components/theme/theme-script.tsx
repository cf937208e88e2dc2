import { headers } from "next/headers";
import { THEME_BOOT_SCRIPT } from "./theme";

/**
 * The theme's boot script, inline so that it runs before the first paint, carrying the request's CSP nonce (proxy.ts
 * makes one per page request and allows only scripts that carry it).
 */
export async function ThemeScript() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />;
}
