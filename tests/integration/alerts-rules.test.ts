import { describe, expect, it } from "vitest";
import { evaluateAlertRules } from "@/lib/server/alerts/evaluate-alert-rules";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";

const MINUTE = 60_000;

async function environmentWithRule(data: {
  kind: string;
  threshold?: number;
  segmentKey?: string;
  expectedIntervalMinutes?: number;
}) {
  const { production } = await createTestProject();
  await prisma.alertDestination.create({
    data: {
      environmentId: production.id,
      kind: "webhook",
      name: "Hook",
      url: "https://hooks.example/x",
      secret: "s",
    },
  });
  const rule = await prisma.alertRule.create({
    data: { environmentId: production.id, name: "Rule", ...data },
  });
  return { environment: production, rule };
}

async function syncedSegment(environmentId: string, key: string, syncTimes: Date[]) {
  const environment = await prisma.environment.findUniqueOrThrow({ where: { id: environmentId } });
  const segment = await createTestSegment(environment, { key });
  await prisma.segment.update({
    where: { id: segment.id },
    data: { external: "amplitude", externalCohortId: key },
  });
  for (const startedAt of syncTimes) {
    await prisma.syncRun.create({
      data: {
        environmentId,
        source: "amplitude",
        status: "succeeded",
        startedAt,
        segments: { create: [{ segmentId: segment.id, startedAt }] },
      },
    });
  }
  await prisma.segment.update({ where: { id: segment.id }, data: { lastSyncAt: syncTimes.at(-1) ?? null } });
}

async function openSubjects(ruleId: string) {
  const open = await prisma.alertIncident.findMany({ where: { ruleId, openSubject: { not: null } } });
  return open.map((incident) => incident.subject).sort();
}

describe("alert rules", () => {
  it("sync_skipped_over opens when the latest run of a source skipped more than the threshold", async () => {
    const { environment, rule } = await environmentWithRule({ kind: "sync_skipped_over", threshold: 10 });
    const at = Date.now();
    await prisma.syncRun.createMany({
      data: [
        {
          environmentId: environment.id,
          source: "amplitude",
          status: "succeeded",
          received: 100,
          skipped: 50,
          startedAt: new Date(at - 2000),
        },
        {
          environmentId: environment.id,
          source: "amplitude",
          status: "partially_applied",
          received: 100,
          skipped: 11,
          startedAt: new Date(at - 1000),
        },
        {
          environmentId: environment.id,
          source: "census",
          status: "partially_applied",
          received: 100,
          skipped: 10,
          startedAt: new Date(at),
        },
      ],
    });
    await evaluateAlertRules({ environmentId: environment.id });
    expect(await openSubjects(rule.id)).toEqual(["source:amplitude"]);
    const [delivery] = await prisma.alertDelivery.findMany({ where: { incident: { ruleId: rule.id } } });
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      summary: "The latest amplitude sync skipped 11 of 100 members (11.0%, threshold 10%)",
    });
  });

  it("segment_stale learns 3x the median interval (at least 5 min), or uses the rule's interval, and resolves on a sync", async () => {
    const { environment, rule } = await environmentWithRule({ kind: "segment_stale" });
    const now = Date.now();
    // Every 10 min, last one 29 min ago: within 30 min. Every minute, last 6 min ago: past the 5 min floor.
    await syncedSegment(
      environment.id,
      "steady",
      [50, 40, 30, 29].map((ago) => new Date(now - ago * MINUTE)),
    );
    await syncedSegment(
      environment.id,
      "quick",
      [8, 7, 6].map((ago) => new Date(now - ago * MINUTE)),
    );
    // Two syncs are too few to learn from.
    await syncedSegment(
      environment.id,
      "young",
      [300, 200].map((ago) => new Date(now - ago * MINUTE)),
    );
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now) });
    expect(await openSubjects(rule.id)).toEqual(["segment:quick"]);
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now + 2 * MINUTE) });
    expect(await openSubjects(rule.id)).toEqual(["segment:quick", "segment:steady"]);

    const fixed = await prisma.alertRule.create({
      data: {
        environmentId: environment.id,
        kind: "segment_stale",
        name: "Young",
        segmentKey: "young",
        expectedIntervalMinutes: 600,
      },
    });
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now) });
    expect(await openSubjects(fixed.id)).toEqual([]);
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now + 401 * MINUTE) });
    expect(await openSubjects(fixed.id)).toEqual(["segment:young"]);

    const segment = await prisma.segment.findFirstOrThrow({
      where: { environmentId: environment.id, key: "quick" },
    });
    await prisma.syncRun.create({
      data: {
        environmentId: environment.id,
        source: "amplitude",
        status: "succeeded",
        startedAt: new Date(now + 2 * MINUTE),
        segments: { create: [{ segmentId: segment.id, startedAt: new Date(now + 2 * MINUTE) }] },
      },
    });
    // Quick synced again; young's fixed rule sees 203 min of its 600 again.
    const result = await evaluateAlertRules({
      environmentId: environment.id,
      now: new Date(now + 3 * MINUTE),
    });
    expect(result).toEqual({ opened: 0, resolved: 2 });
    expect(await openSubjects(fixed.id)).toEqual([]);
    expect(await openSubjects(rule.id)).toEqual(["segment:steady"]);
  });

  it("store_unavailable opens for a store that never synced and resolves when it is turned off", async () => {
    const { environment, rule } = await environmentWithRule({ kind: "store_unavailable" });
    const store = await prisma.storeIntegration.create({
      data: {
        environmentId: environment.id,
        integrationKey: "redis",
        name: "Cache",
        config: { host: "127.0.0.1", port: 1, db: 0, tls: false, prefix: "x" },
      },
    });
    await evaluateAlertRules({ environmentId: environment.id });
    expect(await openSubjects(rule.id)).toEqual([`store:${store.id}`]);
    await prisma.storeIntegration.update({ where: { id: store.id }, data: { on: false } });
    await evaluateAlertRules({ environmentId: environment.id });
    expect(await openSubjects(rule.id)).toEqual([]);
    const events = await prisma.alertDelivery.findMany({
      where: { incident: { ruleId: rule.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((delivery) => delivery.event)).toEqual(["opened", "resolved"]);
  });

  it("rejected_pushes_over counts refused requests in its window", async () => {
    const { environment, rule } = await environmentWithRule({ kind: "rejected_pushes_over", threshold: 2 });
    await prisma.alertRule.update({ where: { id: rule.id }, data: { windowMinutes: 10 } });
    const now = Date.now();
    const refused = (count: number, minutesAgo: number) => ({
      environmentId: environment.id,
      integrationKey: "amplitude",
      status: 401,
      reasonCode: "unauthorized",
      message: "bad token",
      count,
      lastAt: new Date(now - minutesAgo * MINUTE),
    });
    await prisma.rejectedPush.createMany({ data: [refused(2, 1), refused(5, 30)] });
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now) });
    expect(await openSubjects(rule.id)).toEqual([]);
    await prisma.rejectedPush.create({ data: refused(1, 2) });
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now) });
    expect(await openSubjects(rule.id)).toEqual(["environment"]);
    await evaluateAlertRules({ environmentId: environment.id, now: new Date(now + 11 * MINUTE) });
    expect(await openSubjects(rule.id)).toEqual([]);
  });
});
