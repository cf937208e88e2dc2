import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextRequest } from "next/server";
import type { ApiRequest } from "@/lib/server/api/handler";
import { JsonResponse } from "@/lib/server/api/json-response";

export type HeaderRule = { regex: RegExp; headers: { key: string; value: string }[] };

type ManifestHeaderRule = {
  source: string;
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown;
  missing?: unknown;
};

/** The `headers()` of next.config.js as Next.js compiled them, so API answers carry exactly the headers pages do. */
export function loadHeaderRules(distDir: string): HeaderRule[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
    headers?: ManifestHeaderRule[];
  };
  return (manifest.headers ?? []).map((rule) => {
    if (rule.has !== undefined || rule.missing !== undefined)
      throw new Error(
        `next.config.js header rule ${rule.source} has conditions, which the API server does not apply`,
      );
    return { regex: new RegExp(rule.regex), headers: rule.headers };
  });
}

export function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

export function requestOrigin(req: IncomingMessage): string {
  // As Next.js does: https when the socket is TLS or a proxy says so; the host as the client sent it.
  const forwardedProto = req.headers["x-forwarded-proto"];
  const tls = "encrypted" in req.socket && req.socket.encrypted === true;
  const https = tls || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  return `${https ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
}

/**
 * A GET or HEAD as route handlers read it (ApiRequest), without building a NextRequest (an undici Request, its abort
 * signal and a parsed NextURL: 40 µs per lookup, a fifth of the web server's CPU for it). `nextUrl` and `cookies`, which
 * the hot routes read only on rare paths, come from a NextRequest made when first asked for.
 */
export class BodilessRequest implements ApiRequest {
  readonly body = null;
  #nextRequest: NextRequest | undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Headers,
  ) {}

  #full(): NextRequest {
    this.#nextRequest ??= new NextRequest(this.url, { method: this.method, headers: this.headers });
    return this.#nextRequest;
  }

  get nextUrl(): NextRequest["nextUrl"] {
    return this.#full().nextUrl;
  }

  get cookies(): NextRequest["cookies"] {
    return this.#full().cookies;
  }
}

/**
 * The request body as a web stream that starts reading the socket only when the handler reads it. `Readable.toWeb` would
 * start at once, and a body the handler never read (a 401 or 503 answered before parsing) would then sit unread on a
 * keep-alive socket until Node closed it with a reset; left alone, Node discards it after the response.
 */
export function lazyRequestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let source: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        source ??= (Readable.toWeb(req) as ReadableStream<Uint8Array>).getReader();
        const { done, value } = await source.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return source?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Writes a route's Response: a JSON answer from its string (no web stream per lookup), any other body streamed (a CSV
 * export of a million members is never held whole), and no body at all for HEAD.
 */
export async function writeResponse(
  res: ServerResponse,
  response: Response,
  rules: readonly HeaderRule[],
  pathname: string,
  omitBody = false,
): Promise<void> {
  for (const rule of rules) {
    if (rule.regex.test(pathname)) for (const { key, value } of rule.headers) res.setHeader(key, value);
  }
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (response instanceof JsonResponse && !response.bodyUsed) {
    const body = Buffer.from(response.bodyText);
    res.setHeader("content-length", body.length);
    res.writeHead(response.status);
    res.end(omitBody ? undefined : body);
    return;
  }
  res.writeHead(response.status);
  if (omitBody || response.body === null) {
    await response.body?.cancel();
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve, reject) => {
    body.on("error", reject);
    res.on("close", () => {
      body.destroy();
      resolve();
    });
    body.pipe(res);
  });
}
