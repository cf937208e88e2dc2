import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/deliveries/route";
import * as destinationRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/destinations/[destinationId]/route";
import * as testRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/destinations/[destinationId]/test/route";
import * as destinationsRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/destinations/route";
import * as incidentsRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/incidents/route";
import * as ruleRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/rules/[ruleId]/route";
import * as rulesRoute from "@/app/api/v2/alerts/[projectKey]/[environmentKey]/rules/route";
import { setEnv } from "@/lib/env";
import { MAX_ALERT_RULES_PER_ENVIRONMENT } from "@/lib/schemas/alerts";
import { evaluateAlertRules } from "@/lib/server/alerts/evaluate-alert-rules";
import { prisma } from "@/lib/server/db";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { startAlertReceiver, type AlertReceiver } from "@/tests/support/alert-receiver";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";

let receiver: AlertReceiver;
beforeAll(async () => {
  receiver = await startAlertReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => setEnv("TRIBUTARY_ALERT_ALLOWED_HOSTS", "127.0.0.1"));

async function setup() {
  const tenant = await createTestTenant();
  const base = `/api/v2/alerts/${tenant.project.key}/production`;
  return { ...tenant, base };
}

type Tenant = Awaited<ReturnType<typeof setup>>;

function createRule(tenant: Tenant, body: unknown, token: string | null = tenant.token) {
  return callRoute(rulesRoute.POST, { path: `${tenant.base}/rules`, params: tenant.params, token, body });
}

function createDestination(tenant: Tenant, body: unknown, token: string | null = tenant.token) {
  return callRoute(destinationsRoute.POST, {
    path: `${tenant.base}/destinations`,
    params: tenant.params,
    token,
    body,
  });
}

describe("alert rules API", () => {
  it("creates, lists, changes and deletes a rule, each change audited", async () => {
    const tenant = await setup();
    const created = await createRule(tenant, { kind: "sync_skipped_over", name: "Skips", threshold: 20 });
    expect(created.status).toBe(201);
    const rule = created.json as { _id: string };
    expect(rule).toMatchObject({ kind: "sync_skipped_over", name: "Skips", on: true, threshold: 20 });
    const list = await callRoute(rulesRoute.GET, {
      path: `${tenant.base}/rules`,
      params: tenant.params,
      token: tenant.token,
    });
    expect(list.json).toMatchObject({ items: [{ _id: rule._id }] });
    const params = { ...tenant.params, ruleId: rule._id };
    const patched = await callRoute(ruleRoute.PATCH, {
      method: "PATCH",
      path: `${tenant.base}/rules/${rule._id}`,
      params,
      token: tenant.token,
      body: { threshold: 50, on: false },
    });
    expect(patched.json).toMatchObject({ threshold: 50, on: false });
    const deleted = await callRoute(ruleRoute.DELETE, {
      method: "DELETE",
      path: `${tenant.base}/rules/${rule._id}`,
      params,
      token: tenant.token,
    });
    expect(deleted.status).toBe(204);
    const audit = await prisma.auditEntry.findMany({ where: { kind: "alert", name: { in: ["Skips"] } } });
    expect(audit.map((entry) => entry.description.split(" ")[0]).sort()).toEqual([
      "Created",
      "Deleted",
      "Updated",
    ]);
  });

  it("refuses bad input with the error body and writes nothing", async () => {
    const tenant = await setup();
    for (const body of [
      { kind: "sync_skipped_over", name: "No threshold" },
      { kind: "sync_skipped_over", name: "Too high", threshold: 101 },
      { kind: "rejected_pushes_over", name: "No window", threshold: 5 },
      { kind: "made_up", name: "Unknown" },
      { kind: "sync_failed", name: "" },
      { kind: "sync_failed", name: "Extra", extra: true },
    ]) {
      expectError(await createRule(tenant, body), 400, "invalid_request");
    }
    const rule = (await createRule(tenant, { kind: "sync_skipped_over", name: "Ok", threshold: 5 })).json as {
      _id: string;
    };
    const cleared = await callRoute(ruleRoute.PATCH, {
      method: "PATCH",
      path: `${tenant.base}/rules/${rule._id}`,
      params: { ...tenant.params, ruleId: rule._id },
      token: tenant.token,
      body: { threshold: null },
    });
    expectError(cleared, 400, "invalid_request");
    const badId = await callRoute(ruleRoute.DELETE, {
      method: "DELETE",
      path: `${tenant.base}/rules/not-a-uuid`,
      params: { ...tenant.params, ruleId: "not-a-uuid" },
      token: tenant.token,
    });
    expectError(badId, 400, "invalid_request");
    const rules = await prisma.alertRule.findMany({ where: { environmentId: tenant.production.id } });
    expect(rules.map((row) => [row.name, row.threshold])).toEqual([["Ok", 5]]);
  });

  it(`allows at most ${MAX_ALERT_RULES_PER_ENVIRONMENT} rules per environment`, async () => {
    const tenant = await setup();
    await prisma.alertRule.createMany({
      data: Array.from({ length: MAX_ALERT_RULES_PER_ENVIRONMENT }, (_, index) => ({
        environmentId: tenant.production.id,
        kind: "sync_failed",
        name: `Rule ${index}`,
      })),
    });
    expectError(await createRule(tenant, { kind: "sync_failed", name: "One more" }), 400, "invalid_request");
    expect(await prisma.alertRule.count({ where: { environmentId: tenant.production.id } })).toBe(
      MAX_ALERT_RULES_PER_ENVIRONMENT,
    );
  });

  it("answers 401 without a token, 403 to a reader's writes and 404 to a hidden environment", async () => {
    const tenant = await setup();
    expectError(await createRule(tenant, { kind: "sync_failed", name: "x" }, null), 401, "unauthorized");
    const reader = (await createTestToken({ role: "reader" })).value;
    expectError(await createRule(tenant, { kind: "sync_failed", name: "x" }, reader), 403, "forbidden");
    expectError(
      await createDestination(tenant, { kind: "slack", name: "x", url: "https://hooks.example/x" }, reader),
      403,
      "forbidden",
    );
    const readable = await callRoute(incidentsRoute.GET, {
      path: `${tenant.base}/incidents`,
      params: tenant.params,
      token: reader,
    });
    expect(readable.status).toBe(200);
    const nobody = (await createTestToken({ role: "no_access" })).value;
    expectError(
      await callRoute(rulesRoute.GET, { path: `${tenant.base}/rules`, params: tenant.params, token: nobody }),
      404,
      "not_found",
    );
    expect(await prisma.alertRule.count({ where: { environmentId: tenant.production.id } })).toBe(0);
    expect(await prisma.alertDestination.count({ where: { environmentId: tenant.production.id } })).toBe(0);
  });
});

describe("alert destinations API", () => {
  it("shows a webhook's secret once, never a Slack URL's path, and sends a test message to the log", async () => {
    const tenant = await setup();
    const created = await createDestination(tenant, {
      kind: "webhook",
      name: "Ops",
      url: `${receiver.url}?token=abc`,
    });
    expect(created.status).toBe(201);
    const destination = created.json as { _id: string; secret: string; url: string };
    expect(destination.secret).toMatch(/^whsec_/);
    expect(destination.url).toBe(receiver.url);
    const slack = await createDestination(tenant, {
      kind: "slack",
      name: "Chat",
      url: "https://hooks.slack.example/services/T/B/secretpath",
    });
    expect((slack.json as { url: string }).url).toBe("https://hooks.slack.example/…");
    const list = await callRoute(destinationsRoute.GET, {
      path: `${tenant.base}/destinations`,
      params: tenant.params,
      token: tenant.token,
    });
    const listed = JSON.stringify(list.json);
    expect(listed).not.toContain(destination.secret);
    expect(listed).not.toContain("secretpath");
    expect(listed).not.toContain("token=abc");
    const audit = JSON.stringify(await prisma.auditEntry.findMany({ where: { kind: "alert" } }));
    expect(audit).not.toContain(destination.secret);
    expect(audit).not.toContain("secretpath");

    receiver.received.length = 0;
    const params = { ...tenant.params, destinationId: destination._id };
    const sent = await callRoute(testRoute.POST, {
      path: `${tenant.base}/destinations/${destination._id}/test`,
      params,
      token: tenant.token,
    });
    expect(sent.status).toBe(202);
    expect(receiver.received.map((alert) => JSON.parse(alert.body) as { event: string })).toMatchObject([
      { event: "alert.test" },
    ]);
    const renamed = await callRoute(destinationRoute.PATCH, {
      method: "PATCH",
      path: `${tenant.base}/destinations/${destination._id}`,
      params,
      token: tenant.token,
      body: { name: "Ops team" },
    });
    expect(renamed.json).toMatchObject({ name: "Ops team", url: receiver.url });
    expect(JSON.stringify(renamed.json)).not.toContain(destination.secret);
    const log = await callRoute(deliveriesRoute.GET, {
      path: `${tenant.base}/deliveries`,
      params: tenant.params,
      token: tenant.token,
    });
    expect(log.json).toMatchObject({
      items: [
        {
          _id: (sent.json as { deliveryId: string }).deliveryId,
          destinationName: "Ops team",
          event: "test",
          status: "delivered",
          attempts: 1,
          lastResponseCode: 200,
        },
      ],
    });
  });

  it("deletes a destination with its log; an unknown id is 404", async () => {
    const tenant = await setup();
    const created = await createDestination(tenant, {
      kind: "slack",
      name: "Chat",
      url: "https://hooks.slack.example/x",
    });
    const id = (created.json as { _id: string })._id;
    const call = (destinationId: string) =>
      callRoute(destinationRoute.DELETE, {
        method: "DELETE",
        path: `${tenant.base}/destinations/${destinationId}`,
        params: { ...tenant.params, destinationId },
        token: tenant.token,
      });
    expect((await call(id)).status).toBe(204);
    expectError(await call(id), 404, "not_found");
  });

  it("refuses bad URLs and internal addresses, writing nothing", async () => {
    setEnv("TRIBUTARY_ALERT_ALLOWED_HOSTS", "");
    const tenant = await setup();
    for (const url of [
      "ftp://example.com/x",
      "https://user:pw@example.com/x",
      "not a url",
      `https://example.com/${"a".repeat(2050)}`,
      "http://127.0.0.1:9/x",
      "http://localhost/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest",
      "http://10.1.2.3/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://2130706433/x",
      "http://[fd00::1]/x",
    ]) {
      expectError(
        await createDestination(tenant, { kind: "webhook", name: "x", url }),
        400,
        "invalid_request",
      );
    }
    expect(await prisma.alertDestination.count({ where: { environmentId: tenant.production.id } })).toBe(0);
  });

  it("lists open incidents with the segment they are about", async () => {
    const tenant = await setup();
    await prisma.alertRule.create({
      data: { environmentId: tenant.production.id, kind: "sync_failed", name: "Failed" },
    });
    await prisma.syncRun.create({
      data: { environmentId: tenant.production.id, source: "census", status: "failed" },
    });
    await evaluateAlertRules({ environmentId: tenant.production.id });
    const open = await callRoute(incidentsRoute.GET, {
      path: `${tenant.base}/incidents`,
      params: tenant.params,
      token: tenant.token,
    });
    expect(open.json).toMatchObject({
      items: [{ ruleName: "Failed", kind: "sync_failed", subject: "source:census", segmentKey: null }],
    });
  });
});
