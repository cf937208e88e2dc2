import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as partnerRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { setEnv } from "@/lib/env";
import { commitWithoutFlushing } from "@/tests/support/fast-commits";
import { JSON_ROUTES } from "@/tests/support/json-routes";
import { createJsonRoutesWorld, type JsonRoute, type World } from "@/tests/support/json-routes-world";

let world: World;

beforeAll(async () => {
  await commitWithoutFlushing();
  world = await createJsonRoutesWorld();
});

describe("a body over the size limit", () => {
  const LIMIT = 64 * 1024;
  const CHUNK = 16 * 1024;
  const OFFERED = 64 * 1024 * 1024;

  beforeAll(() => setEnv("TRIBUTARY_BODY_LIMIT_BYTES", String(LIMIT)));
  afterAll(() => setEnv("TRIBUTARY_BODY_LIMIT_BYTES", String(10 * 1024 * 1024)));

  /** A JSON body of `OFFERED` bytes that is produced only as it is read, counting what was pulled. */
  function endlessBody() {
    const counter = { pulled: 0 };
    const chunk = new TextEncoder().encode(`"${"x".repeat(CHUNK - 2)}",`);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (counter.pulled === 0) controller.enqueue(new TextEncoder().encode("["));
          if (counter.pulled >= OFFERED) {
            controller.close();
            return;
          }
          counter.pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, counter };
  }

  const routes: {
    name: string;
    route: Pick<JsonRoute, "handler" | "method" | "target" | "contentType" | "bodyLimit">;
  }[] = [
    ...JSON_ROUTES.map((route) => ({ name: route.name, route })),
    {
      name: "POST /api/v2/segment-targets/{integrationKey}",
      route: {
        handler: partnerRoute.POST,
        method: "POST",
        target: () => ({
          path: "/api/v2/segment-targets/amplitude",
          params: { integrationKey: "amplitude" },
        }),
      },
    },
  ];

  function streamedRequest(
    path: string,
    method: string,
    body: ReadableStream<Uint8Array>,
    headers: HeadersInit,
  ) {
    // `duplex` is required by fetch for a streamed body but missing from the DOM typings.
    const init = { method, headers, body, duplex: "half" } as RequestInit;
    return new NextRequest(
      new URL(path, "http://localhost:3000"),
      init as ConstructorParameters<typeof NextRequest>[1],
    );
  }

  it.each(routes.map(({ name, route }) => [name, route] as const))(
    "%s: 413 after reading little more than the limit",
    async (_name, route) => {
      const { path, params } = route.target(world);
      const { stream, counter } = endlessBody();
      const request = streamedRequest(path, route.method, stream, {
        authorization: world.token,
        "content-type": route.contentType ?? "application/json",
      });
      const response = await route.handler(request, { params: Promise.resolve(params) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        code: "payload_too_large",
        message: expect.any(String),
        id: expect.any(String),
      });
      const limit = Math.min(route.bodyLimit ?? LIMIT, LIMIT);
      expect(counter.pulled).toBeGreaterThan(limit);
      expect(counter.pulled).toBeLessThanOrEqual(limit + 4 * CHUNK);
    },
  );

  it("refuses a declared Content-Length over the limit before reading any of the body", async () => {
    const { stream, counter } = endlessBody();
    const request = streamedRequest("/api/v2/segment-targets/amplitude", "POST", stream, {
      authorization: world.token,
      "content-type": "application/json",
      "content-length": String(OFFERED),
    });
    const response = await partnerRoute.POST(request, {
      params: Promise.resolve({ integrationKey: "amplitude" }),
    });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });
});
