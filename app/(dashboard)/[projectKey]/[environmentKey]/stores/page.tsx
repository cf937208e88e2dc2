import { requireSession } from "@/lib/server/auth/require-session";
import { StoresView } from "./stores-view";

export const metadata = { title: "Persistent stores · Tributary" };

export default async function StoresPage({
  params,
}: {
  params: Promise<{ projectKey: string; environmentKey: string }>;
}) {
  await requireSession();
  const { projectKey, environmentKey } = await params;
  return <StoresView projectKey={projectKey} environmentKey={environmentKey} />;
}
