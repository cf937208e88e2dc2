import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectedSyncIntervalMs } from "@/lib/server/alerts/expected-sync-interval";
import { nextAlertAttempt } from "@/lib/server/alerts/next-alert-attempt";
import { signAlertBody } from "@/lib/server/alerts/sign-alert-body";

const MINUTE = 60_000;
const agoes = (...minutes: number[]) => minutes.map((ago) => new Date(1_000_000_000_000 - ago * MINUTE));

describe("alert retries", () => {
  const queued = new Date(0);
  it("waits 30 s, then doubles, capped at an hour", () => {
    const now = new Date(1_000);
    const waits = [1, 2, 3, 7, 8, 20].map(
      (attempts) => (nextAlertAttempt(attempts, queued, now)?.getTime() ?? 0) - 1_000,
    );
    expect(waits).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
  });
  it("gives up 24 h after the message was queued", () => {
    expect(nextAlertAttempt(5, queued, new Date(24 * 60 * MINUTE - 1))).not.toBeNull();
    expect(nextAlertAttempt(5, queued, new Date(24 * 60 * MINUTE))).toBeNull();
  });
});

describe("expected sync interval", () => {
  it("uses the rule's interval when set", () => {
    expect(expectedSyncIntervalMs(7, [])).toBe(7 * MINUTE);
  });
  it("learns three times the median gap, newest first, at least 5 minutes", () => {
    expect(expectedSyncIntervalMs(null, agoes(0, 10, 20, 50))).toBe(30 * MINUTE);
    expect(expectedSyncIntervalMs(null, agoes(0, 10, 30, 60, 100))).toBe(75 * MINUTE);
    expect(expectedSyncIntervalMs(null, agoes(0, 1, 2))).toBe(5 * MINUTE);
  });
  it("does not learn from fewer than two gaps", () => {
    expect(expectedSyncIntervalMs(null, agoes(0, 10))).toBeNull();
  });
});

describe("webhook signature", () => {
  it("is sha256= and the hex HMAC-SHA256 of timestamp, dot, body", () => {
    const expected = createHmac("sha256", "k").update("1700000000.{}").digest("hex");
    expect(signAlertBody("k", "1700000000", "{}")).toBe(`sha256=${expected}`);
  });
});
