import { describe, expect, it } from "vitest";
import { JsonResponse } from "@/lib/server/api/json-response";

describe("JsonResponse", () => {
  it("reads as Response.json would: status, content type, body by every reader", async () => {
    const data = { items: [{ key: "a", n: 1 }], note: "é" };
    const expected = Response.json(data, { status: 201 });
    const response = new JsonResponse(data, { status: 201 });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(expected.status);
    expect(response.headers.get("content-type")).toBe(expected.headers.get("content-type"));
    expect(response.bodyText).toBe(JSON.stringify(data));
    expect(await new JsonResponse(data).json()).toEqual(data);
    expect(await new JsonResponse(data).text()).toBe(await expected.text());
    expect(new Uint8Array(await new JsonResponse(data).arrayBuffer())).toEqual(
      new TextEncoder().encode(JSON.stringify(data)),
    );
    expect(await new JsonResponse(data).bytes()).toEqual(new TextEncoder().encode(JSON.stringify(data)));
    expect(await (await new JsonResponse(data).blob()).text()).toBe(JSON.stringify(data));
  });

  it("streams its body to a reader of `body`, once, and then counts as used", async () => {
    const response = new JsonResponse({ a: 1 });
    expect(response.bodyUsed).toBe(false);
    const body = response.body;
    expect(body).not.toBeNull();
    expect(response.body).toBe(body);
    expect(await new Response(body).text()).toBe('{"a":1}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow();
  });

  it("keeps headers set after it was made, and a clone carries them with the body", async () => {
    const response = new JsonResponse({ a: 1 }, { headers: { "X-One": "1" } });
    response.headers.set("X-Two", "2");
    const clone = response.clone();
    expect(clone.headers.get("x-one")).toBe("1");
    expect(clone.headers.get("x-two")).toBe("2");
    expect(await clone.json()).toEqual({ a: 1 });
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("keeps a content type it was given", () => {
    const response = new JsonResponse({}, { headers: { "Content-Type": "application/problem+json" } });
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
