const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelative(epochMs: number, nowMs: number): string {
  const seconds = Math.round((epochMs - nowMs) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(seconds, "second");
}

/** The same text on the server and in the browser, for the render before the browser's clock and zone are known. */
export function formatUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * The exact time behind a relative one: "7 Dec 2026, 22:30:15 GMT+1" in the given zone (the browser's by default). Day
 * first and a named month, so it reads the same whatever order the reader's country writes dates in; `date` leaves
 * out the time of day (an expiry date).
 */
export function formatAbsolute(epochMs: number, precision: "date" | "datetime", timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    precision === "date"
      ? { day: "numeric", month: "short", year: "numeric", timeZone }
      : {
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
          hourCycle: "h23",
          timeZoneName: "short",
          timeZone,
        };
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(epochMs));
}
