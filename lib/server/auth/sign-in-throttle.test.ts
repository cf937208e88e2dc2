import { describe, expect, it } from "vitest";
import { FREE_ATTEMPTS, signInDelayMs } from "./sign-in-throttle";

describe("signInDelayMs", () => {
  it("lets the first five attempts through without delay", () => {
    for (let failures = 0; failures < FREE_ATTEMPTS; failures++) expect(signInDelayMs(failures)).toBe(0);
  });
  it("doubles from the fifth failure and caps at 15 minutes", () => {
    expect(signInDelayMs(5)).toBe(2_000);
    expect(signInDelayMs(6)).toBe(4_000);
    expect(signInDelayMs(7)).toBe(8_000);
    expect(signInDelayMs(40)).toBe(15 * 60_000);
  });
});
