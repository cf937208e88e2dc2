"use client";

import { Breadcrumbs, environmentCrumbs } from "@/components/layout/breadcrumbs";
import { PermissionNotice } from "@/components/permission-notice";
import { DateTime } from "@/components/time/date-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";
import { useOpenAlerts } from "@/lib/queries/alerts";
import { AlertDeliveriesCard } from "./_components/alert-deliveries-card";
import { AlertDestinationsCard } from "./_components/alert-destinations-card";
import {
  ALERT_PERMISSION_NOTICE_ID,
  type AlertLocation,
  type AlertWritePermission,
} from "./_components/alert-location";
import { AlertRulesCard } from "./_components/alert-rules-card";

function OpenAlertsCard({ location }: { location: AlertLocation }) {
  const open = useOpenAlerts(location);
  return (
    <Card title="Open alerts" description="Conditions that hold now; each sent one message when it opened.">
      {open.isPending ? <LoadingState /> : null}
      {open.isError ? <ErrorState error={open.error} /> : null}
      {open.data && open.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No open alerts.</p>
      ) : null}
      {open.data && open.data.items.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Open alerts">
          {open.data.items.map((incident) => (
            <li key={incident._id} className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="danger">Alert</Badge>
              <span className="min-w-0 break-words">{incident.summary}</span>
              <span className="text-xs text-slate-500">
                {incident.ruleName} · since <DateTime epochMs={incident.openedDate} style="relative" />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

export function AlertsView({
  names,
  write,
  ...location
}: AlertLocation & { names: EnvironmentNames; write: AlertWritePermission }) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs items={[...environmentCrumbs(names), { label: "Alerts" }]} />
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-500">
          Rules for {names.environmentName}: failed or skipping syncs, stale segments, unavailable stores and
          refused requests. Each condition sends one message when it opens and one when it resolves.
        </p>
      </div>
      <PermissionNotice
        id={ALERT_PERMISSION_NOTICE_ID}
        checks={[{ action: "updateEnvironment", ...write }]}
        names={{ environments: { [names.environmentKey]: names.environmentName } }}
      />
      <OpenAlertsCard location={location} />
      <AlertRulesCard location={location} write={write} />
      <AlertDestinationsCard location={location} write={write} />
      <AlertDeliveriesCard location={location} />
    </div>
  );
}
