const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const countFormat = new Intl.NumberFormat("en-US");

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "12 seconds ago", "3 minutes ago", "yesterday". */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.round((epochMs - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 5 ? "just now" : relativeFormat.format(seconds, "second");
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "1 member", "2,000 members". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Sources that are not partner integrations. */
const BUILT_IN_SOURCES: Record<string, string> = { contexts: "API (contexts)", import: "CSV import" };

export function sourceLabel(source: string, integrationNames: ReadonlyMap<string, string>): string {
  return BUILT_IN_SOURCES[source] ?? integrationNames.get(source) ?? source;
}
