"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { AccessDecision } from "@/lib/queries/access-check";
import type { IntegrationResponse } from "@/lib/schemas/sync-run";
import { syncToolPolicy } from "@/lib/schemas/token-sync-tool";
import { useIntegrations } from "@/lib/queries/integrations";
import { useEnvironment, type EnvironmentLocation } from "@/lib/queries/sync-runs";
import { useCreateToken } from "@/lib/queries/tokens";
import { SyncToolToken } from "./sync-tool-token";

const subscribeNever = () => () => undefined;

/** The browser's origin; empty while rendering on the server. */
function useOrigin(): string {
  return useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
}

/** The least a partner's token needs: create its segments and change their members, in this environment only. */
export function minimumPolicy(location: EnvironmentLocation): string {
  return JSON.stringify(syncToolPolicy(location), null, 2);
}

function Value({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="flex items-start justify-between gap-3">
        <code className="min-w-0 flex-1 whitespace-pre-wrap break-all rounded bg-slate-50 px-2 py-1.5 text-xs">
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </dd>
    </div>
  );
}

/** Where and how a tool pushes to this environment, per integration. */
export function ConnectPanel({
  location,
  segmentIntegration,
  tokenDecision,
}: {
  location: EnvironmentLocation;
  /** The segment's own integration, shown first; null for a segment that is not synced. */
  segmentIntegration: string | null;
  /** Whether `POST /api/v2/tokens` would create this environment's sync-tool token for the member. */
  tokenDecision: AccessDecision;
}) {
  const integrations = useIntegrations();
  const environment = useEnvironment(location);
  const origin = useOrigin();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const create = useCreateToken();
  // Shown once: kept only in this page's memory, per tool, until the page is left.
  const [createdValues, setCreatedValues] = useState<Readonly<Record<string, string>>>({});

  const items: IntegrationResponse[] = integrations.data?.items ?? [];
  const selectedKey = chosen ?? segmentIntegration ?? items[0]?.key ?? "";
  const integration = items.find((item) => item.key === selectedKey);
  const createdValue = integration ? (createdValues[integration.key] ?? null) : null;

  return (
    <Card
      title="How to connect"
      description="Point the tool's LaunchDarkly synced-segment integration at this server: it sends the same requests."
    >
      {integrations.isPending ? <LoadingState /> : null}
      {integrations.isError ? <ErrorState error={integrations.error} /> : null}
      {items.length > 0 ? (
        <div className="flex flex-col gap-4">
          <div className="flex flex-col gap-1 text-sm sm:w-72">
            <label htmlFor={selectId} className="font-medium text-slate-700">
              Integration
            </label>
            <select
              id={selectId}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
              value={selectedKey}
              onChange={(event) => setChosen(event.target.value)}
            >
              {items.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.name}
                  {item.key === segmentIntegration ? " (this segment)" : ""}
                </option>
              ))}
            </select>
          </div>
          {integration ? (
            <>
              <dl className="flex flex-col gap-4" aria-label={`Connection settings for ${integration.name}`}>
                <Value
                  label="Endpoint URL"
                  value={`${origin}/api/v2/segment-targets/${integration.key}`}
                  copyLabel="Copy endpoint URL"
                />
                {environment.isError ? (
                  <div className="flex flex-col gap-1">
                    <dt className="text-xs font-medium uppercase text-slate-500">Client-side ID</dt>
                    <dd>
                      <ErrorState error={environment.error} />
                    </dd>
                  </div>
                ) : (
                  <Value
                    label="Client-side ID (the environment id the tool sends)"
                    value={environment.data?.clientSideId ?? "…"}
                    copyLabel="Copy client-side ID"
                  />
                )}
                <div className="flex flex-col gap-1">
                  <dt className="text-xs font-medium uppercase text-slate-500">Access token</dt>
                  <dd>
                    <SyncToolToken
                      toolName={integration.name}
                      scope={location}
                      decision={tokenDecision}
                      pending={create.isPending}
                      error={create.isError ? create.error : null}
                      createdValue={createdValue}
                      onCreate={(input) =>
                        create.mutate(input, {
                          onSuccess: (token) =>
                            setCreatedValues((values) => ({ ...values, [integration.key]: token.token })),
                        })
                      }
                    />
                  </dd>
                </div>
                <Value
                  label="Minimum token policy (what that token may do; for a token made by hand, use this inline role)"
                  value={minimumPolicy(location)}
                  copyLabel="Copy policy"
                />
              </dl>
              <p className="text-sm text-slate-700" data-testid="connect-setup-text">
                In {integration.name}&apos;s LaunchDarkly settings, use this server&apos;s address as the base
                URL, the client-side ID above as the environment ID, and as the API token{" "}
                {createdValue !== null ? (
                  <code className="break-all">{createdValue}</code>
                ) : (
                  "a token with the policy above (create one here)"
                )}
                .
              </p>
              <p className="text-sm">
                <a
                  className="text-indigo-700 hover:underline"
                  href={integration.docsUrl}
                  target="_blank"
                  rel="noreferrer"
                >
                  LaunchDarkly&apos;s setup guide for {integration.name}
                </a>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
