import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNextProxy } from "./proxy-to-next";

const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function listen(server: http.Server, target: string | number): Promise<void> {
  return new Promise((resolve) =>
    typeof target === "number" ? server.listen(target, "127.0.0.1", resolve) : server.listen(target, resolve),
  );
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A stand-in for the Next.js process on a Unix socket, and the proxy in front of it on a TCP port. */
async function proxied(handle: http.RequestListener): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "proxy-"));
  const socketPath = path.join(dir, "next.sock");
  const next = http.createServer(handle);
  await listen(next, socketPath);
  const proxy = http.createServer(createNextProxy({ socketPath }));
  await listen(proxy, 0);
  closers.push(async () => {
    await close(next);
    rmSync(dir, { recursive: true, force: true });
  });
  closers.push(() => close(proxy));
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

describe("createNextProxy", () => {
  it("streams the answer back without hop-by-hop headers, and says who connected in X-Forwarded-For", async () => {
    const origin = await proxied((req, res) => {
      res.writeHead(201, {
        "x-seen-for": String(req.headers["x-forwarded-for"]),
        "set-cookie": ["a=1", "b=2"],
      });
      res.end(`${req.method} ${req.url}`);
    });
    const answer = await fetch(`${origin}/login?x=1`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe("GET /login?x=1");
    // A client's claim is kept, and the address that actually connected goes last.
    expect(answer.headers.get("x-seen-for")).toBe("203.0.113.9, 127.0.0.1");
    expect(answer.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("sends a GET once more when its connection fails before any answer", async () => {
    let connections = 0;
    const origin = await proxied((req, res) => {
      connections += 1;
      if (connections === 1) {
        req.socket.destroy();
        return;
      }
      res.end("second try");
    });
    const answer = await fetch(`${origin}/projects`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("second try");
    expect(connections).toBe(2);
  });

  it("does not send a POST twice, and answers 502 when Next.js cannot be reached", async () => {
    let connections = 0;
    const origin = await proxied((req) => {
      connections += 1;
      req.socket.destroy();
    });
    const answer = await fetch(`${origin}/api/auth/callback/credentials`, { method: "POST", body: "a=1" });
    expect(answer.status).toBe(502);
    expect(connections).toBe(1);
  });

  it("passes a POST body through", async () => {
    const origin = await proxied((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => res.end(body.toUpperCase()));
    });
    const answer = await fetch(`${origin}/api/auth/signin`, { method: "POST", body: "email=a%40b.c" });
    expect(await answer.text()).toBe("EMAIL=A%40B.C");
  });
});
