import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { cohortKeyHash } from "@/lib/server/sync/cohort-key-hash";
import { deriveSegmentKey } from "@/lib/server/sync/derive-segment-key";

const sha8 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
const free = () => false;

describe("cohortKeyHash", () => {
  it("is the first 8 hex characters of SHA-256 of the cohort id", () => {
    expect(cohortKeyHash("c8h2kq1")).toBe(sha8("c8h2kq1"));
    expect(cohortKeyHash("")).toBe("e3b0c442");
    expect(cohortKeyHash("😀")).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("deriveSegmentKey", () => {
  it("is {integrationKey}-{cohortId}", () => {
    expect(deriveSegmentKey("amplitude", "c8h2kq1", free)).toBe("amplitude-c8h2kq1");
    expect(deriveSegmentKey("heap-inbound", "4411", free)).toBe("heap-inbound-4411");
    expect(deriveSegmentKey("census-synced-segments", "a.b_c-D9", free)).toBe(
      "census-synced-segments-a.b_c-D9",
    );
  });

  it("turns every character outside the key alphabet into one -", () => {
    expect(deriveSegmentKey("zeotap", "Sports fans/2024 (EU)", free)).toBe("zeotap-Sports-fans-2024--EU-");
    expect(deriveSegmentKey("zeotap", "ünï😀", free)).toBe("zeotap--n--");
    expect(deriveSegmentKey("zeotap", "a~b:c@d", free)).toBe("zeotap-a-b-c-d");
  });

  it("appends the hash when the key is taken by another cohort's segment", () => {
    const taken = new Set(["amplitude-a-b"]);
    const isTaken = (key: string) => taken.has(key);
    expect(deriveSegmentKey("amplitude", "a b", isTaken)).toBe(`amplitude-a-b-${sha8("a b")}`);
    expect(deriveSegmentKey("amplitude", "a-b", isTaken)).toBe(`amplitude-a-b-${sha8("a-b")}`);
    expect(deriveSegmentKey("amplitude", "a_b", isTaken)).toBe("amplitude-a_b");
  });

  it("keeps a key of exactly 256 characters", () => {
    const cohortId = "x".repeat(256 - "amplitude-".length);
    const key = deriveSegmentKey("amplitude", cohortId, free);
    expect(key).toBe(`amplitude-${cohortId}`);
    expect(key).toHaveLength(256);
  });

  it("cuts a longer key to 247 characters and appends the hash", () => {
    const cohortId = "y".repeat(300);
    const key = deriveSegmentKey("amplitude", cohortId, free);
    expect(key).toHaveLength(256);
    expect(key).toBe(`${`amplitude-${cohortId}`.slice(0, 247)}-${sha8(cohortId)}`);
  });

  it("does not ask isTaken about a key that is too long to use", () => {
    const asked: string[] = [];
    deriveSegmentKey("amplitude", "z".repeat(300), (key) => {
      asked.push(key);
      return false;
    });
    expect(asked).toEqual([]);
  });

  it("never exceeds 256 characters, also when a long key is taken", () => {
    const cohortId = "w".repeat(250 - "amplitude-".length);
    const key = deriveSegmentKey("amplitude", cohortId, () => true);
    expect(key).toBe(`${`amplitude-${cohortId}`.slice(0, 247)}-${sha8(cohortId)}`);
    expect(key).toHaveLength(256);
  });

  it("gives different cohorts that collapse to one key different keys", () => {
    const keys = new Set<string>();
    const isTaken = (key: string) => keys.has(key);
    for (const cohortId of ["a b", "a/b", "a:b", "a-b"])
      keys.add(deriveSegmentKey("hightouch", cohortId, isTaken));
    expect(keys.size).toBe(4);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9._-]{1,256}$/);
  });
});
