import "server-only";
import type { AlertEnvironment } from "@/lib/server/alerts/alert-environment";
import { serializeAlertDestination } from "@/lib/server/alerts/serialize-alert";
import { prisma } from "@/lib/server/db";

export async function listAlertDestinations(environment: AlertEnvironment) {
  const destinations = await prisma.alertDestination.findMany({
    where: { environmentId: environment.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return destinations.map(serializeAlertDestination);
}
