import http from "node:http";

export type HttpAnswer = { status: number; body: Buffer };

/**
 * Requests over keep-alive sockets with node:http. Lighter on the client's CPU than fetch (undici), which matters when
 * the bench client shares two cores with the app and PostgreSQL. A request whose reused socket the server had just
 * closed is sent once more (every request the benches send is safe to repeat).
 */
export function keepAliveClient(base: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const origin = new URL(base);
  const once = (method: string, path: string, body?: string | Buffer): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const requestHeaders: Record<string, string | number> = { ...headers };
      if (body !== undefined) {
        requestHeaders["Content-Type"] = "application/json";
        requestHeaders["Content-Length"] = Buffer.byteLength(body);
      }
      const request = http.request(
        { agent, host: origin.hostname, port: origin.port, path, method, headers: requestHeaders },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const send = (method: string, path: string, body?: string | Buffer) =>
    once(method, path, body).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ECONNRESET" || code === "EPIPE") return once(method, path, body);
      throw error;
    });
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body: unknown) => send("POST", path, JSON.stringify(body)),
    /** A body serialized (and, as a Buffer, encoded) beforehand. */
    postText: (path: string, text: string | Buffer) => send("POST", path, text),
    close: () => agent.destroy(),
  };
}
