import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contextKeyHash, includeSetKey, segmentRef, synchronizedOnKey } from "./big-segment-keys";

describe("big segment store layout", () => {
  it("hashes the context key as padded standard base64 of SHA-256", () => {
    expect(contextKeyHash("user-1")).toBe(createHash("sha256").update("user-1").digest("base64"));
    expect(contextKeyHash("user-1")).toMatch(/=$/);
    expect(includeSetKey("launchdarkly", "")).toBe(
      "launchdarkly:big_segment_include:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    );
  });
  it("names segment refs and the sync marker like the SDKs expect", () => {
    expect(segmentRef("amplitude-1", 3)).toBe("amplitude-1.g3");
    expect(synchronizedOnKey("ld")).toBe("ld:big_segments_synchronized_on");
  });
});
