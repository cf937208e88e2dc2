const countFormat = new Intl.NumberFormat("en-US");

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
