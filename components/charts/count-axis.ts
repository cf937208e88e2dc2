/** The most gridlines a count axis draws above zero. */
export const MAX_COUNT_TICKS = 5;

export type CountAxis = { domain: [number, number]; ticks: number[] };

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw`, and never below 1 (counts are whole). */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;
  return Math.max(1, Math.ceil(multiple * power));
}

/** A count axis from zero to a round number at or above the largest value, with whole, evenly spaced ticks. */
export function countAxis(values: readonly number[], maxTicks = MAX_COUNT_TICKS): CountAxis {
  const largest = Math.max(0, ...values);
  const step = niceStep(largest / maxTicks);
  const top = Math.max(step, Math.ceil(largest / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { domain: [0, top], ticks };
}
