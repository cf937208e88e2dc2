import { NextRequest } from "next/server";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { defineAlias, defineRoute } from "@/lib/server/api/define-route";
import { noContent } from "@/lib/server/api/responses";

const numbered = defineRoute({
  method: "GET",
  path: "/api/v2/things/{thingId}",
  schemas: { params: z.object({ thingId: z.string().regex(/^\d+$/, "must be digits") }) },
  openapi: { tag: "Things", summary: "Get a thing", success: { description: "Thing" } },
  handle: () => Promise.resolve(noContent()),
});

function get(path: string, thingId: string) {
  return numbered.handler(new NextRequest(new URL(path, "http://localhost:3000")), {
    params: Promise.resolve({ thingId }),
  });
}

describe("defineRoute", () => {
  it("names the route by its method and path", () => {
    expect(numbered.name).toBe("GET /api/v2/things/{thingId}");
  });

  it("answers 400 with the error body when a path parameter fails its schema, before authenticating", async () => {
    const response = await get("/api/v2/things/abc", "abc");
    expect(response.status).toBe(400);
    const body = (await response.json()) as unknown;
    expect(body).toEqual({
      code: "invalid_request",
      message: expect.stringContaining("thingId: must be digits") as unknown,
      id: response.headers.get("x-request-id"),
    });
  });

  it("keeps refusing a NUL in a path parameter, as every route does", async () => {
    const response = await get("/api/v2/things/1%00", "1\0");
    expect(response.status).toBe(400);
  });

  it("gives an alias the route's handler, and so its rate-limit window and log name", () => {
    const alias = defineAlias(numbered, "/api/v2/thing/{thingId}");
    expect(alias.handler).toBe(numbered.handler);
    expect(alias.name).toBe("GET /api/v2/thing/{thingId}");
    expect(alias.aliasOf).toBe(numbered.name);
    expect(alias.openapi?.summary).toBe("Get a thing (alias)");
  });
});
