import type { Page } from "@playwright/test";
import { prisma } from "@/lib/server/db";
import { createTestSegment } from "@/tests/factories/segments";
import { unique } from "@/tests/factories/unique";
import { settled } from "../every-page/page-checks";
import { expect, test } from "../fixtures";

/**
 * Issue #19 item 3: the members-over-time chart at 2 and 100 syncs, and at syncs seconds or months apart. The syncs are
 * written straight into the e2e database with the times each case needs (a real push can only happen now).
 */

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;

/** A segment of default/production with one succeeded sync at each of `times`, the count growing by one each. */
async function segmentWithSyncsAt(times: readonly number[]): Promise<string> {
  const environment = await prisma.environment.findFirstOrThrow({
    where: { key: "production", project: { key: "default" } },
  });
  const segment = await createTestSegment(environment, { key: unique("chart-span") });
  for (const [index, at] of times.entries()) {
    const startedAt = new Date(at);
    const count = { added: 1, includedCountAfter: index + 1 };
    await prisma.syncRun.create({
      data: {
        environmentId: environment.id,
        source: "rudderstack",
        status: "succeeded",
        startedAt,
        segmentKeys: [segment.key],
        received: 1,
        ...count,
        segments: { create: { segmentId: segment.id, startedAt, ...count } },
      },
    });
  }
  return `/default/production/segments/${segment.key}`;
}

/** The chart's points, tick labels and plot bounds, as drawn. */
async function drawnChart(page: Page) {
  const figure = page.getByRole("figure", { name: "Member count over time" });
  await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
  return figure.evaluate((element) => {
    const rightOf = (selector: string) =>
      element.querySelector(selector)?.getBoundingClientRect().right ?? NaN;
    const dots = [...element.querySelectorAll(".recharts-dot")].map((dot) => dot.getBoundingClientRect());
    return {
      dots: dots.length,
      leftmostDot: Math.min(...dots.map((dot) => dot.left)),
      rightmostDot: Math.max(...dots.map((dot) => dot.right)),
      yAxisRight: rightOf(".recharts-yAxis .recharts-cartesian-axis-line"),
      surfaceRight: rightOf("svg.recharts-surface"),
      xTicks: [
        ...element.querySelectorAll(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value"),
      ].map((tick) => tick.textContent ?? ""),
    };
  });
}

async function dataRows(page: Page) {
  const figure = page.getByRole("figure", { name: "Member count over time" });
  await figure.getByText("Show data").click();
  return figure.getByRole("table").locator("tbody tr");
}

for (const [name, times, tickLabel] of [
  [
    "2 syncs an hour apart",
    [Date.now() - HOUR, Date.now()],
    /^\d{2}:\d{2}$|^[A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}$/,
  ],
  [
    "100 hourly syncs",
    Array.from({ length: 100 }, (_, index) => Date.now() - (99 - index) * HOUR),
    /^[A-Z][a-z]{2} \d{1,2}(, \d{2}:\d{2})?$/,
  ],
  [
    "syncs seconds apart",
    [Date.now() - 4 * SECOND, Date.now() - 2 * SECOND, Date.now()],
    /^\d{2}:\d{2}:\d{2}$/,
  ],
  [
    "syncs months apart",
    [Date.now() - 150 * DAY, Date.now() - 90 * DAY, Date.now() - 30 * DAY, Date.now()],
    /^[A-Z][a-z]{2} \d{4}$/,
  ],
] as const) {
  test(`the member chart draws ${name}: every point inside the plot, labelled ticks for the span, a row per sync`, async ({
    ownerPage: page,
  }) => {
    await page.goto(await segmentWithSyncsAt(times));
    await settled(page);
    const chart = await drawnChart(page);
    expect(chart.dots).toBe(times.length);
    // No point on or left of the count axis (the old bars covered its labels), none past the drawing's right edge.
    expect(chart.leftmostDot).toBeGreaterThan(chart.yAxisRight);
    expect(chart.rightmostDot).toBeLessThanOrEqual(chart.surfaceRight);
    expect(chart.xTicks.length).toBeGreaterThanOrEqual(2);
    for (const tick of chart.xTicks) expect(tick).toMatch(tickLabel);
    await expect(await dataRows(page)).toHaveCount(times.length);
  });
}
