"use client";

import type { FormEvent } from "react";
import { Breadcrumbs, environmentCrumbs } from "@/components/layout/breadcrumbs";
import { PermissionNotice } from "@/components/permission-notice";
import { DateTime } from "@/components/time/date-time";
import { GuardedButton } from "@/components/ui/guarded-button";
import { Card } from "@/components/ui/card";
import { DataAge } from "@/components/time/data-age";
import { Field } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { EnvironmentNames } from "@/lib/dashboard/environment-names";
import { formText } from "@/lib/form-value";
import type { StoreIntegrationResponse } from "@/lib/schemas/store-integration";
import {
  useCreateStore,
  useResyncStore,
  useSetStoreOn,
  useStores,
  useTestStoreConnection,
} from "@/lib/queries/stores";
import {
  STORE_PERMISSION_NOTICE_ID,
  storePermissionChecks,
  UNDECIDED,
  type StorePermissions,
} from "./_components/store-permissions";
import { DeleteStoreButton } from "./_components/delete-store-button";
import { StatusBadges } from "./_components/store-status-badges";

type Location = { projectKey: string; environmentKey: string };

function StoreCard({
  store,
  location,
  permission,
}: {
  store: StoreIntegrationResponse;
  location: Location;
  permission: StorePermissions["stores"][string] | undefined;
}) {
  const update = permission?.update ?? UNDECIDED;
  const setOn = useSetStoreOn(location);
  const test = useTestStoreConnection(location);
  const resync = useResyncStore(location);
  const status = store._status;
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={`Store ${store.name}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="font-medium break-words">{store.name}</p>
          <p className="text-xs break-all text-slate-500">
            redis {store.config.url ?? `${store.config.host}:${store.config.port}`} · prefix{" "}
            <code>{store.config.prefix}</code> · password {store.config.passwordSet ? "set" : "not set"}
            {store.config.tls ? " · TLS" : ""}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <StatusBadges store={store} />
          <DataAge label="Marker written" epochMs={store._dataAge.markerWrittenAt} testId="store-data-age" />
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">Last sync</dt>
          <dd>
            {status.lastSync === undefined ? (
              "never"
            ) : (
              <DateTime epochMs={status.lastSync} style="relative" />
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Backlog</dt>
          <dd>
            {status.backlog.entries} entries
            {status.backlog.oldestAgeMs !== null
              ? `, oldest ${Math.round(status.backlog.oldestAgeMs / 1000)}s`
              : ""}
          </dd>
        </div>
        <div className="col-span-2 min-w-0">
          <dt className="text-xs text-slate-500">Last error</dt>
          <dd className="truncate" title={status.errors?.[0]?.message}>
            {status.errors?.[0]?.message ?? "none"}
          </dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <GuardedButton
          variant="secondary"
          decision={update}
          explainedBy={STORE_PERMISSION_NOTICE_ID}
          onClick={() => test.mutate(store._id)}
          disabled={test.isPending}
        >
          Test connection
        </GuardedButton>
        <GuardedButton
          variant="secondary"
          decision={update}
          explainedBy={STORE_PERMISSION_NOTICE_ID}
          onClick={() => resync.mutate(store._id)}
          disabled={resync.isPending}
        >
          Full resync
        </GuardedButton>
        <GuardedButton
          variant="secondary"
          decision={update}
          explainedBy={STORE_PERMISSION_NOTICE_ID}
          onClick={() => setOn.mutate({ id: store._id, on: !store.on })}
        >
          {store.on ? "Turn off" : "Turn on"}
        </GuardedButton>
        <DeleteStoreButton
          store={store}
          location={location}
          decision={permission?.delete ?? UNDECIDED}
          explainedBy={STORE_PERMISSION_NOTICE_ID}
        />
      </div>
      {test.data ? (
        <p role="status" className={`mt-2 text-sm ${test.data.ok ? "text-green-700" : "text-red-700"}`}>
          {test.data.ok ? `Connected (${test.data.latencyMs} ms)` : `Connection failed: ${test.data.error}`}
        </p>
      ) : null}
      {resync.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-slate-700">
          Full resync requested.
        </p>
      ) : null}
      {[setOn.error, test.error, resync.error].map((error, index) =>
        error ? <ErrorState key={index} error={error} /> : null,
      )}
    </li>
  );
}

export function StoresView({
  permissions,
  names,
  ...location
}: Location & { permissions: StorePermissions | null; names: EnvironmentNames }) {
  const stores = useStores(location);
  const create = useCreateStore(location);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const password = formText(form, "password");
    const username = formText(form, "username");
    create.mutate(
      {
        name: formText(form, "name"),
        on: true,
        config: {
          host: formText(form, "host"),
          port: Number(formText(form, "port") || "6379"),
          prefix: formText(form, "prefix") || "launchdarkly",
          tls: form.get("tls") === "on",
          ...(password ? { password } : {}),
          ...(username ? { username } : {}),
        },
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs items={[...environmentCrumbs(names), { label: "Persistent stores" }]} />
        <h1 className="text-2xl font-semibold">Persistent stores</h1>
        <p className="text-sm text-slate-500">
          Membership of {names.environmentName} mirrored into Redis in LaunchDarkly&apos;s layout, so server
          SDKs with a Redis big-segment store evaluate against it.
        </p>
      </div>
      <PermissionNotice
        id={STORE_PERMISSION_NOTICE_ID}
        checks={storePermissionChecks(permissions)}
        names={{
          environments: permissions ? { [location.environmentKey]: permissions.environmentName } : {},
        }}
      />
      {stores.isPending ? <LoadingState /> : null}
      {stores.isError ? <ErrorState error={stores.error} /> : null}
      {stores.data && stores.data.items.length === 0 ? (
        <EmptyState title="No store yet">Add a Redis store below.</EmptyState>
      ) : null}
      {stores.data && stores.data.items.length > 0 ? (
        <ul className="flex flex-col gap-3" aria-label="Stores">
          {stores.data.items.map((store) => (
            <StoreCard
              key={store._id}
              store={store}
              location={location}
              permission={permissions?.stores[store._id]}
            />
          ))}
        </ul>
      ) : null}
      <Card title="Add a Redis store" description="The password is write-only: it is never shown again.">
        <form className="grid gap-3 sm:grid-cols-3" onSubmit={onSubmit}>
          <Field label="Store name" name="name" required />
          <Field label="Host" name="host" required defaultValue="127.0.0.1" />
          <Field label="Port" name="port" type="number" defaultValue="6379" />
          <Field label="Username" name="username" autoComplete="off" />
          <Field label="Password" name="password" type="password" autoComplete="new-password" />
          <Field label="Prefix" name="prefix" defaultValue="launchdarkly" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="tls" /> Use TLS
          </label>
          <div className="sm:col-span-2 sm:text-right">
            <GuardedButton
              type="submit"
              decision={permissions?.create.decision ?? UNDECIDED}
              explainedBy={STORE_PERMISSION_NOTICE_ID}
              disabled={create.isPending}
            >
              {create.isPending ? "Adding…" : "Add store"}
            </GuardedButton>
          </div>
        </form>
        {create.isError ? <ErrorState error={create.error} /> : null}
      </Card>
    </div>
  );
}
