/** The most labelled hours on an hourly axis; the step grows until they fit. */
export const MAX_HOUR_TICKS = 8;

const HOUR_STEPS = [1, 2, 3, 6, 12, 24, 48, 72, 168] as const;
const HOUR_MS = 60 * 60 * 1000;

export type HourAxis = {
  ticks: number[];
  /** Hours of the local day they fall on, or with the weekday too when the axis spans more than a day. */
  format: Intl.DateTimeFormatOptions;
};

/**
 * Labelled hours for a band axis of consecutive hour starts (epoch ms, oldest first): every `step` local hours, the
 * smallest step that keeps at most `maxTicks` labels, so the labels read 00:00, 06:00, 12:00… in the browser's zone.
 */
export function hourAxis(hours: readonly number[], maxTicks = MAX_HOUR_TICKS): HourAxis {
  const clock: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const first = hours[0];
  const last = hours[hours.length - 1];
  if (first === undefined || last === undefined) return { ticks: [], format: clock };
  const format = last - first >= 24 * HOUR_MS ? { weekday: "short" as const, ...clock } : clock;
  for (const step of HOUR_STEPS) {
    const ticks = hours.filter((hour) => localHourCount(hour) % step === 0);
    if (ticks.length <= maxTicks && ticks.length > 0) return { ticks, format };
  }
  return { ticks: [first], format };
}

/** Whole local hours since the epoch, so a step of 24 lands on local midnights and 6 on 00:00, 06:00… */
function localHourCount(epochMs: number): number {
  const wall = epochMs - new Date(epochMs).getTimezoneOffset() * 60 * 1000;
  return Math.floor(wall / HOUR_MS);
}
