import { requireSession } from "@/lib/server/auth/require-session";
import { AccountView } from "./account-view";

export const metadata = { title: "Account · Tributary" };

export default async function AccountPage() {
  const principal = await requireSession();
  return <AccountView email={principal.member.email} />;
}
