import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { type NextAuthOptions } from "next-auth";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/server/api/responses";
import { toApiError } from "@/lib/server/api/to-api-error";
import { authOptions } from "@/lib/server/auth/auth-options";
import { readAuthForm } from "@/lib/server/auth/read-auth-form";
import { sameOriginUrl } from "@/lib/server/auth/same-origin-url";
import { logger } from "@/lib/server/logger";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** The request next-auth's API-route entry reads: already parsed, so nothing of it is read by next-auth itself. */
type ParsedAuthRequest = {
  method: string;
  query: Record<string, string | string[]>;
  body: Record<string, string>;
  cookies: Record<string, string>;
  headers: Record<string, string>;
};

/** The part of an API-route response next-auth's API-route entry writes to, collected into a fetch Response. */
class CollectedResponse {
  private statusCode = 200;
  private body: string | null = null;
  readonly headers = new Headers();

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string): string | string[] | undefined {
    if (name.toLowerCase() === "set-cookie") return this.headers.getSetCookie();
    return this.headers.get(name) ?? undefined;
  }
  setHeader(name: string, value: string | string[]): this {
    this.headers.delete(name);
    for (const each of [value].flat()) this.headers.append(name, each);
    return this;
  }
  send(body: unknown): void {
    if (typeof body === "string") this.body = body;
    else if (body !== undefined && body !== null) this.json(body);
  }
  json(body: unknown): void {
    this.headers.set("Content-Type", "application/json");
    this.body = JSON.stringify(body);
  }
  end(): void {}
  toResponse(): Response {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}

// next-auth's API-route entry takes the request already parsed, where its App Router entry reads the body whole and
// the headers through next/headers; this one is typed for Next.js's API-route objects, of which it uses only the above.
const nextAuthApiRoute = NextAuth as unknown as (
  req: ParsedAuthRequest,
  res: CollectedResponse,
  options: NextAuthOptions,
) => Promise<void>;

/**
 * A callback URL next-auth would refuse with a 500 ("Invalid callback URL") or follow off-site becomes an absolute URL on
 * next-auth's origin, or is dropped.
 */
function sameOriginCallbackUrl(value: string | undefined, origin: string): string | undefined {
  return value === undefined ? undefined : sameOriginUrl(value, origin)?.href;
}

function withoutUndefined(entries: [string, string | undefined][]): Record<string, string> {
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function parseAuthRequest(req: NextRequest, context: AuthRouteContext): Promise<ParsedAuthRequest> {
  const { nextauth } = await context.params;
  // Where next-auth builds its URLs from (utils/detect-origin.js, utils/parse-url.js).
  const origin = env().NEXTAUTH_URL ?? "http://localhost:3000";
  const query = withoutUndefined(
    [...req.nextUrl.searchParams].map(([name, value]) => [
      name,
      name === "callbackUrl" ? sameOriginCallbackUrl(value, origin) : value,
    ]),
  );
  const cookies = withoutUndefined(
    req.cookies
      .getAll()
      .map(({ name, value }) => [
        name,
        name.endsWith("next-auth.callback-url") ? sameOriginCallbackUrl(value, origin) : value,
      ]),
  );
  return {
    method: req.method,
    query: { ...query, nextauth },
    body: req.method === "POST" ? await readAuthForm(req) : {},
    cookies,
    headers: Object.fromEntries(req.headers),
  };
}

/**
 * next-auth's endpoints (sign-in, sign-out, session, CSRF token). The body is read here within its limit, hostile
 * callback URLs are dropped, and anything thrown becomes the API's opaque error body, never next-auth's or PostgreSQL's
 * text.
 */
export async function handleAuthRequest(req: NextRequest, context: AuthRouteContext): Promise<Response> {
  const requestId = randomUUID();
  try {
    const parsed = await parseAuthRequest(req, context);
    const response = new CollectedResponse();
    await nextAuthApiRoute(parsed, response, authOptions());
    return response.toResponse();
  } catch (error) {
    const { apiError, unexpected } = toApiError(error);
    if (unexpected) logger.error("unexpected error", { requestId, route: "/api/auth", error });
    return errorResponse(apiError, requestId);
  }
}
