import { expect, it } from "vitest";
import { evaluateAlertRules } from "@/lib/server/alerts/evaluate-alert-rules";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";

it("store_unavailable opens while the store worker has a store marked degraded by drift, with the reason, and resolves once it is verified", async () => {
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
    data: { environmentId: production.id, name: "Stores", kind: "store_unavailable" },
  });
  const store = await prisma.storeIntegration.create({
    data: {
      environmentId: production.id,
      integrationKey: "redis",
      name: "Cache",
      config: { host: "127.0.0.1", port: 1, db: 0, tls: false, prefix: "x" },
      needsFullSync: false,
      lastSyncAt: new Date(),
      verifiedAt: new Date(),
    },
  });
  const open = () =>
    prisma.alertIncident.findMany({ where: { ruleId: rule.id, openSubject: { not: null } } });

  await evaluateAlertRules({ environmentId: production.id });
  expect(await open()).toEqual([]);

  await prisma.storeIntegration.update({
    where: { id: store.id },
    data: { driftDetectedAt: new Date(), driftReason: "seg: 2 of 50 sampled keys missing from the store" },
  });
  await evaluateAlertRules({ environmentId: production.id });
  const incidents = await open();
  expect(incidents.map((incident) => incident.subject)).toEqual([`store:${store.id}`]);
  expect(incidents[0]?.summary).toContain("degraded (seg: 2 of 50 sampled keys missing from the store)");

  await prisma.storeIntegration.update({
    where: { id: store.id },
    data: { driftDetectedAt: null, driftReason: null, verifiedAt: new Date(), lastSyncAt: new Date() },
  });
  await evaluateAlertRules({ environmentId: production.id });
  expect(await open()).toEqual([]);
});
