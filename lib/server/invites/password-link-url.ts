import type { PasswordLinkKind } from "@/lib/schemas/invite";

/** The page a link opens: `/invite/<secret>` or `/reset/<secret>` under the app's public address. */
export function passwordLinkUrl(baseUrl: string, kind: PasswordLinkKind, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${kind}/${secret}`;
}
