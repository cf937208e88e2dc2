/** The largest number of labelled ticks on a time axis; the step grows until the ticks fit. */
export const MAX_TIME_TICKS = 6;
/** One point (or several at the same instant) is drawn in the middle of this much time on either side. */
export const SINGLE_POINT_HALF_SPAN_MS = 60 * 60 * 1000;
/** Points closer together than this (a burst of pushes) are centred in this much time, so whole seconds label it. */
export const MIN_TIME_SPAN_MS = 10_000;
/** Room left before the first and after the last point, as a share of the span, so no point sits on the axis. */
export const TIME_DOMAIN_PADDING = 0.04;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeTickUnit = "second" | "minute" | "hour" | "day" | "month" | "year";
type Step = { unit: TimeTickUnit; count: number; approxMs: number };

const STEPS: readonly Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((count) => ({ unit: "second" as const, count, approxMs: count * SECOND })),
  ...[1, 2, 5, 10, 15, 30].map((count) => ({ unit: "minute" as const, count, approxMs: count * MINUTE })),
  ...[1, 2, 3, 6, 12].map((count) => ({ unit: "hour" as const, count, approxMs: count * HOUR })),
  ...[1, 2, 7, 14].map((count) => ({ unit: "day" as const, count, approxMs: count * DAY })),
  ...[1, 3, 6].map((count) => ({ unit: "month" as const, count, approxMs: count * 30 * DAY })),
  ...[1, 2, 5, 10, 20, 50, 100].map((count) => ({
    unit: "year" as const,
    count,
    approxMs: count * 365 * DAY,
  })),
];

export type TimeAxis = {
  domain: [number, number];
  ticks: number[];
  unit: TimeTickUnit;
  /** How the ticks are labelled: precise enough for the step, no more. */
  format: Intl.DateTimeFormatOptions;
};

/** The time range an axis shows for points at `times` (epoch ms, at least one). */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) throw new Error("a time axis needs at least one point");
  const first = Math.min(...times);
  const last = Math.max(...times);
  if (first === last) return [first - SINGLE_POINT_HALF_SPAN_MS, last + SINGLE_POINT_HALF_SPAN_MS];
  const padding = (last - first) * TIME_DOMAIN_PADDING;
  if (last - first + 2 * padding >= MIN_TIME_SPAN_MS) return [first - padding, last + padding];
  const middle = (first + last) / 2;
  return [middle - MIN_TIME_SPAN_MS / 2, middle + MIN_TIME_SPAN_MS / 2];
}

/** Milliseconds the browser's zone is ahead of UTC at `epochMs` (negative west of Greenwich). */
function zoneOffsetMs(epochMs: number): number {
  return -new Date(epochMs).getTimezoneOffset() * MINUTE;
}

/** Ticks every `stepMs` of local wall-clock time, so an hourly step lands on whole local hours in any zone. */
function fixedTicks(start: number, end: number, stepMs: number): number[] {
  const wallStart = start + zoneOffsetMs(start);
  const ticks: number[] = [];
  for (let wall = Math.ceil(wallStart / stepMs) * stepMs; ; wall += stepMs) {
    const tick = wall - zoneOffsetMs(wall - zoneOffsetMs(start));
    if (tick > end) return ticks;
    if (tick >= start) ticks.push(tick);
  }
}

/** Ticks at local midnights, first days of months or years, every `count` of them. */
function calendarTicks(start: number, end: number, unit: "day" | "month" | "year", count: number): number[] {
  const date = new Date(start);
  date.setHours(0, 0, 0, 0);
  if (unit !== "day") date.setDate(1);
  if (unit === "year") date.setMonth(0);
  if (unit === "month") date.setMonth(Math.floor(date.getMonth() / count) * count);
  if (unit === "year") date.setFullYear(Math.floor(date.getFullYear() / count) * count);
  const ticks: number[] = [];
  while (date.getTime() <= end) {
    if (date.getTime() >= start) ticks.push(date.getTime());
    if (unit === "day") date.setDate(date.getDate() + count);
    if (unit === "month") date.setMonth(date.getMonth() + count);
    if (unit === "year") date.setFullYear(date.getFullYear() + count);
  }
  return ticks;
}

function ticksOf(domain: readonly [number, number], step: Step): number[] {
  const [start, end] = domain;
  if (step.unit === "second") return fixedTicks(start, end, step.count * SECOND);
  if (step.unit === "minute") return fixedTicks(start, end, step.count * MINUTE);
  if (step.unit === "hour") return fixedTicks(start, end, step.count * HOUR);
  return calendarTicks(start, end, step.unit, step.count);
}

function crossesLocalDay(domain: readonly [number, number]): boolean {
  return new Date(domain[0]).toDateString() !== new Date(domain[1]).toDateString();
}

/** Labels for a tick step: seconds when the step is seconds, the day too when the axis spans days. */
export function timeTickFormat(
  unit: TimeTickUnit,
  domain: readonly [number, number],
): Intl.DateTimeFormatOptions {
  const clock: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  if (unit === "second") return { ...clock, second: "2-digit" };
  if (unit === "minute" || unit === "hour")
    return crossesLocalDay(domain) ? { month: "short", day: "numeric", ...clock } : clock;
  if (unit === "day") return { month: "short", day: "numeric" };
  if (unit === "month") return { month: "short", year: "numeric" };
  return { year: "numeric" };
}

/** Domain, ticks and their label format for points at `times`: the smallest calendar step whose ticks fit. */
export function timeAxis(times: readonly number[], maxTicks = MAX_TIME_TICKS): TimeAxis {
  const domain = timeDomain(times);
  const span = domain[1] - domain[0];
  for (const step of STEPS) {
    if (span / step.approxMs > maxTicks) continue;
    const ticks = ticksOf(domain, step);
    if (ticks.length <= maxTicks)
      return { domain, ticks, unit: step.unit, format: timeTickFormat(step.unit, domain) };
  }
  return { domain, ticks: [...domain], unit: "year", format: timeTickFormat("year", domain) };
}
