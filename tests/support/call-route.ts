import { NextRequest } from "next/server";

type RouteFunction<P> = (req: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

type Call<P> = {
  method?: string;
  path: string;
  params?: P;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

/** Calls a route handler in-process with a real Request, the way Next.js would. */
export async function callRoute<P extends Record<string, string>>(route: RouteFunction<P>, call: Call<P>) {
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", call.token);
  let body: string | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(new URL(call.path, "http://localhost:3000"), {
    method: call.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await route(request, { params: Promise.resolve((call.params ?? {}) as P) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}
