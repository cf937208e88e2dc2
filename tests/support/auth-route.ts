import { NextRequest } from "next/server";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";

export const AUTH_ORIGIN = "http://localhost:3000";

type AuthCall = {
  method?: "GET" | "POST";
  /** After /api/auth/, e.g. "csrf" or "callback/credentials?callbackUrl=…". */
  path: string;
  headers?: Record<string, string>;
  body?: BodyInit;
};

/** Calls next-auth's route handler (app/api/auth/[...nextauth]/route.ts) in-process with a real Request. */
export async function callAuthRoute(call: AuthCall) {
  const url = new URL(`/api/auth/${call.path}`, AUTH_ORIGIN);
  const nextauth = url.pathname.split("/").slice(3);
  const request = new NextRequest(url, {
    method: call.method ?? (call.body === undefined ? "GET" : "POST"),
    headers: call.headers,
    body: call.body,
    duplex: "half",
  });
  const handler = request.method === "POST" ? authRoute.POST : authRoute.GET;
  const response = await handler(request, { params: Promise.resolve({ nextauth }) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** `name=value` of each cookie the response sets. */
export function cookiePairs(headers: Headers): string[] {
  return headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
}

/** A CSRF token and its cookie, as next-auth's client fetches them before signing in or out. */
export async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const { json, headers } = await callAuthRoute({ path: "csrf" });
  const { csrfToken } = json as { csrfToken: string };
  return { csrfToken, cookie: cookiePairs(headers).join("; ") };
}

export type SignInAttempt = {
  email: string;
  password: string;
  /** The X-Forwarded-For the web server would pass on (its last entry is the TCP peer). */
  forwardedFor?: string;
  callbackUrl?: string;
  path?: string;
};

/**
 * A sign-in as the login page sends it (next-auth's signIn with redirect: false): status, the error next-auth put into
 * the answer's URL, that URL, and the session cookie when signed in.
 */
export async function signInThroughRoute(attempt: SignInAttempt) {
  const { csrfToken, cookie } = await csrf();
  const form = new URLSearchParams({
    csrfToken,
    email: attempt.email,
    password: attempt.password,
    json: "true",
  });
  if (attempt.callbackUrl !== undefined) form.set("callbackUrl", attempt.callbackUrl);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    cookie,
    "x-forwarded-for": attempt.forwardedFor ?? "192.0.2.1",
  };
  const response = await callAuthRoute({
    path: attempt.path ?? "callback/credentials",
    headers,
    body: form.toString(),
  });
  const url = (response.json as { url?: string } | null)?.url ?? null;
  const error = url ? new URL(url).searchParams.get("error") : null;
  const sessionCookie = cookiePairs(response.headers).find((pair) =>
    pair.startsWith("next-auth.session-token="),
  );
  return { ...response, url, error, sessionCookie: sessionCookie ?? null, csrfCookie: cookie };
}
