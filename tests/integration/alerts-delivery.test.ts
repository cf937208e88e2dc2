import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "@/lib/env";
import { drainAlertDeliveries } from "@/lib/server/alerts/drain-alert-deliveries";
import { evaluateAlertRules } from "@/lib/server/alerts/evaluate-alert-rules";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { startAlertReceiver, type AlertReceiver, type ReceivedAlert } from "@/tests/support/alert-receiver";
import { waitFor } from "@/tests/support/wait-for";

const SECRET = "whsec-test-secret-value";

let receiver: AlertReceiver;
beforeAll(async () => {
  receiver = await startAlertReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  setEnv("TRIBUTARY_ALERT_ALLOWED_HOSTS", "127.0.0.1");
  receiver.received.length = 0;
  // Each test drains the one outbox of this file's database: start from an empty one.
  await prisma.alertDelivery.deleteMany();
});

/** The README's verification, written independently of the app's signer. */
function verify(secret: string, alert: ReceivedAlert): boolean {
  const timestamp = String(alert.headers["x-tributary-timestamp"]);
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${alert.body}`).digest("hex")}`;
  const given = String(alert.headers["x-tributary-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function environmentWithWebhook(kind: "webhook" | "slack" = "webhook", url = receiver.url) {
  const { production, project } = await createTestProject();
  const destination = await prisma.alertDestination.create({
    data: {
      environmentId: production.id,
      kind,
      name: "Hook",
      url,
      secret: kind === "webhook" ? SECRET : null,
    },
  });
  return { environment: production, project, destination };
}

async function failedRun(environmentId: string, startedAt: Date, status = "failed") {
  await prisma.syncRun.create({
    data: {
      environmentId,
      source: "amplitude",
      status,
      startedAt,
      errorMessage: "token refused",
      received: 3,
    },
  });
}

describe("alert delivery to a real HTTP receiver", () => {
  it("sends one signed message when a condition opens and one when it resolves, however many passes run", async () => {
    const { environment, project } = await environmentWithWebhook();
    const rule = await prisma.alertRule.create({
      data: { environmentId: environment.id, kind: "sync_failed", name: "Sync failed" },
    });
    const t0 = new Date();
    await failedRun(environment.id, t0);
    expect(await evaluateAlertRules({ environmentId: environment.id })).toEqual({ opened: 1, resolved: 0 });
    expect(await evaluateAlertRules({ environmentId: environment.id })).toEqual({ opened: 0, resolved: 0 });
    expect(await drainAlertDeliveries()).toBe(1);
    expect(await drainAlertDeliveries()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    const [opened] = receiver.received;
    if (!opened) throw new Error("no request");
    expect(verify(SECRET, opened)).toBe(true);
    expect(verify("another-secret", opened)).toBe(false);
    expect(Math.abs(Number(opened.headers["x-tributary-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(opened.body)).toEqual({
      event: "alert.opened",
      incidentId: expect.any(String),
      rule: { id: rule.id, kind: "sync_failed", name: "Sync failed" },
      projectKey: project.key,
      environmentKey: "production",
      subject: "source:amplitude",
      summary: "The latest amplitude sync failed: token refused",
      openedAt: expect.any(String),
      resolvedAt: null,
    });

    await failedRun(environment.id, new Date(t0.getTime() + 1000), "succeeded");
    expect(await evaluateAlertRules({ environmentId: environment.id })).toEqual({ opened: 0, resolved: 1 });
    expect(await evaluateAlertRules({ environmentId: environment.id })).toEqual({ opened: 0, resolved: 0 });
    await drainAlertDeliveries();
    expect(receiver.received).toHaveLength(2);
    const resolved = receiver.received[1];
    if (!resolved) throw new Error("no request");
    expect(verify(SECRET, resolved)).toBe(true);
    expect(JSON.parse(resolved.body)).toMatchObject({
      event: "alert.resolved",
      incidentId: (JSON.parse(opened.body) as { incidentId: string }).incidentId,
      resolvedAt: expect.any(String),
    });
    const incidents = await prisma.alertIncident.findMany({ where: { ruleId: rule.id } });
    expect(incidents).toMatchObject([{ openSubject: null, resolvedAt: expect.any(Date) }]);
  });

  it("retries after 500s with doubling waits on the worker's clock, then records the delivery", async () => {
    await environmentWithWebhook();
    const { destination } = await environmentWithWebhook();
    const delivery = await prisma.alertDelivery.create({
      data: { destinationId: destination.id, event: "test", body: '{"event":"alert.test"}' },
    });
    const retry = { firstMs: 1_000, maxMs: 1_500, giveUpMs: 60_000 };
    const t0 = Date.now() + 10;
    const at = (offset: number) => () => new Date(t0 + offset);
    receiver.answerNext(500, 503, 500);
    expect(await drainAlertDeliveries({ now: at(0), retry })).toBe(1);
    expect(await drainAlertDeliveries({ now: at(999), retry })).toBe(0);
    expect(await drainAlertDeliveries({ now: at(1_000), retry })).toBe(1);
    // The second wait doubles to 2 s, capped at 1.5 s.
    expect(await drainAlertDeliveries({ now: at(2_499), retry })).toBe(0);
    expect(await drainAlertDeliveries({ now: at(2_500), retry })).toBe(1);
    expect(await drainAlertDeliveries({ now: at(4_000), retry })).toBe(1);
    expect(receiver.received).toHaveLength(4);
    expect(await prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "delivered",
      attempts: 4,
      lastResponseCode: 200,
      lastError: null,
    });
  });

  it("marks a message failed once it is older than the retry window", async () => {
    const { destination } = await environmentWithWebhook();
    const delivery = await prisma.alertDelivery.create({
      data: { destinationId: destination.id, event: "test", body: "{}" },
    });
    receiver.answerNext(500);
    const late = () => new Date(delivery.createdAt.getTime() + 25 * 60 * 60 * 1000);
    await drainAlertDeliveries({ now: late });
    expect(await prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastResponseCode: 500,
      lastError: "answered 500",
      lastResponseBody: "ok",
    });
  });

  it("delivers each message exactly once while two workers drain at the same time", async () => {
    const { destination } = await environmentWithWebhook();
    await prisma.alertDelivery.createMany({
      data: Array.from({ length: 6 }, (_, index) => ({
        destinationId: destination.id,
        event: "test",
        body: JSON.stringify({ index }),
      })),
    });
    receiver.hold();
    const first = drainAlertDeliveries();
    await waitFor(() => receiver.received.length > 0, {
      timeoutMs: 10_000,
      what: "the first worker's requests",
    });
    // The first worker holds the outbox's lock while its requests are in flight: the second skips the pass.
    expect(await drainAlertDeliveries()).toBeNull();
    receiver.release();
    expect(await first).toBe(6);
    const more = await Promise.all([drainAlertDeliveries(), drainAlertDeliveries(), drainAlertDeliveries()]);
    expect(more.filter((result) => result !== null && result > 0)).toEqual([]);
    const bodies = receiver.received.map((alert) => alert.body).sort();
    expect(bodies).toEqual(Array.from({ length: 6 }, (_, index) => JSON.stringify({ index })).sort());
    expect(new Set(receiver.received.map((alert) => alert.headers["x-tributary-delivery"])).size).toBe(6);
  });

  it("sends Slack-compatible destinations {text} without a signature", async () => {
    const { environment } = await environmentWithWebhook("slack");
    await prisma.alertRule.create({
      data: { environmentId: environment.id, kind: "sync_failed", name: "Failed" },
    });
    await failedRun(environment.id, new Date());
    await evaluateAlertRules({ environmentId: environment.id });
    await drainAlertDeliveries();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers["x-tributary-signature"]).toBeUndefined();
    expect(JSON.parse(receiver.received[0]?.body ?? "")).toEqual({
      text: expect.stringContaining("Alert opened in") as string,
    });
  });

  it("refuses an internal address unless its host is allowed, without contacting it", async () => {
    setEnv("TRIBUTARY_ALERT_ALLOWED_HOSTS", "");
    const { destination } = await environmentWithWebhook();
    const delivery = await prisma.alertDelivery.create({
      data: { destinationId: destination.id, event: "test", body: "{}" },
    });
    await drainAlertDeliveries();
    expect(receiver.received).toHaveLength(0);
    const row = await prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: null });
    expect(row.lastError).toContain("internal address");
  });
});
