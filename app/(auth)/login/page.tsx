import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in · Tributary" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const safeCallback =
    callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/projects";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Tributary</h1>
        <p className="mt-1 text-sm text-slate-500">Synced segments, self-hosted.</p>
        <LoginForm callbackUrl={safeCallback} />
      </div>
    </main>
  );
}
