import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative, formatUtc } from "./format-time";

const NOW = Date.UTC(2026, 11, 7, 22, 30, 15);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatRelative", () => {
  it.each([
    [NOW - 10_000, "just now"],
    [NOW + 10_000, "just now"],
    [NOW - 5 * MINUTE, "5 minutes ago"],
    [NOW - 3 * HOUR, "3 hours ago"],
    [NOW + 2 * HOUR, "in 2 hours"],
    [NOW - DAY, "yesterday"],
    [NOW - 14 * DAY, "2 weeks ago"],
    [NOW + 30 * DAY, "next month"],
    [NOW - 2 * 365 * DAY, "2 years ago"],
  ])("%s reads as %s", (epochMs, text) => {
    expect(formatRelative(epochMs, NOW)).toBe(text);
  });
});

describe("formatAbsolute", () => {
  it("names day, month, year, the time to the second and the zone", () => {
    expect(formatAbsolute(NOW, "datetime", "UTC")).toBe("7 Dec 2026, 22:30:15 UTC");
  });

  it("shows the time in the reader's zone", () => {
    expect(formatAbsolute(NOW, "datetime", "Europe/Berlin")).toBe("7 Dec 2026, 23:30:15 CET");
    expect(formatAbsolute(NOW, "date", "Pacific/Auckland")).toBe("8 Dec 2026");
  });

  it("leaves out the time of day for a date", () => {
    expect(formatAbsolute(NOW, "date", "UTC")).toBe("7 Dec 2026");
  });

  it("writes the hours 0 to 23", () => {
    expect(formatAbsolute(Date.UTC(2026, 0, 1, 0, 5, 0), "datetime", "UTC")).toBe("1 Jan 2026, 00:05:00 UTC");
  });
});

describe("formatUtc", () => {
  it("is the same text wherever it runs", () => {
    expect(formatUtc(NOW)).toBe("2026-12-07 22:30 UTC");
  });
});
