import { PasswordLinkPage } from "@/app/(auth)/invite/password-link-page";

export const dynamic = "force-dynamic";
// The address holds the link's secret: it is sent to no other page or site.
export const metadata = { title: "Set your password · Tributary", referrer: "no-referrer" as const };

export default async function InviteLinkPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  return <PasswordLinkPage secret={secret} kind="invite" />;
}
