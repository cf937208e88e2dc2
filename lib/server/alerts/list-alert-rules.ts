import "server-only";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertRule } from "@/lib/server/alerts/serialize-alert";
import { prisma } from "@/lib/server/db";

export async function listAlertRules(environment: AlertEnvironment) {
  const rules = await prisma.alertRule.findMany({
    where: { environmentId: environment.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rules.map(serializeAlertRule);
}
