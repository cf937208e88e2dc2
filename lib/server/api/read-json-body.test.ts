import { describe, expect, it } from "vitest";
import { readJsonBody } from "@/lib/server/api/read-json-body";

function post(body: BodyInit): Request {
  return new Request("http://localhost/api", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
}

/** A body delivered in several chunks, split inside a multi-byte character. */
function chunked(bytes: Uint8Array, at: number[]): ReadableStream<Uint8Array> {
  const bounds = [0, ...at, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let index = 1; index < bounds.length; index++) {
        controller.enqueue(bytes.subarray(bounds[index - 1], bounds[index]));
      }
      controller.close();
    },
  });
}

describe("readJsonBody decoding", () => {
  it("reads an ASCII body", async () => {
    const value = { batch: [{ userId: "user-1", value: true }], note: "plain \\u0041 escape" };
    expect(await readJsonBody(post(JSON.stringify(value)))).toEqual(value);
  });

  it("reads UTF-8 beyond ASCII exactly, also split across chunks inside a character", async () => {
    const value = { key: "café-Ünïcødé-日本-🎉", keys: ["ä", "ß", "€"] };
    const bytes = new TextEncoder().encode(JSON.stringify(value));
    expect(await readJsonBody(post(bytes))).toEqual(value);
    const inside = bytes.indexOf(0xc3) + 1;
    const request = new Request("http://localhost/api", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chunked(bytes, [inside, bytes.length - 2]),
      duplex: "half",
    } as RequestInit);
    expect(await readJsonBody(request)).toEqual(value);
  });

  it("keeps Latin-1 bytes that are not UTF-8 from reading as Latin-1 text", async () => {
    // 0xE9 alone is "é" in Latin-1 but invalid UTF-8: it must decode as U+FFFD, as the UTF-8 decoder does.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('{"k":"caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    expect(await readJsonBody(post(bytes))).toEqual({ k: "caf\uFFFD" });
  });
});
