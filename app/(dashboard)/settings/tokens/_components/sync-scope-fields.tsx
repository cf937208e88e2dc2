"use client";

import { useId } from "react";
import { ErrorState } from "@/components/ui/states";
import { useProjects } from "@/lib/queries/projects";
import type { SyncToolScope } from "@/lib/schemas/token-sync-tool";

const ANY = "*";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The first project and environment the member may view: a sync tool's token is for one environment by default. */
export function useDefaultSyncScope(): SyncToolScope | null {
  const projects = useProjects();
  const first = projects.data?.items[0];
  if (!first) return projects.isError ? { projectKey: ANY, environmentKey: ANY } : null;
  return { projectKey: first.key, environmentKey: first.environments.items[0]?.key ?? ANY };
}

/** Where a sync tool's token may push: one environment (the projects the member may view), or `*` chosen on purpose. */
export function SyncScopeFields({
  scope,
  onChange,
}: {
  scope: SyncToolScope;
  onChange: (scope: SyncToolScope) => void;
}) {
  const projects = useProjects();
  const projectId = useId();
  const environmentId = useId();
  const items = projects.data?.items ?? [];
  const project = items.find((item) => item.key === scope.projectKey);
  const environments = project?.environments.items ?? [];

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {projects.isError ? <ErrorState error={projects.error} /> : null}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={projectId} className="font-medium text-slate-700">
          Project
        </label>
        <select
          id={projectId}
          className={selectClass}
          value={scope.projectKey}
          onChange={(event) => {
            const key = event.target.value;
            const next = items.find((item) => item.key === key);
            onChange({ projectKey: key, environmentKey: next?.environments.items[0]?.key ?? ANY });
          }}
        >
          {items.map((item) => (
            <option key={item.key} value={item.key}>
              {item.name} ({item.key})
            </option>
          ))}
          <option value={ANY}>Every project</option>
        </select>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={environmentId} className="font-medium text-slate-700">
          Environment
        </label>
        <select
          id={environmentId}
          className={selectClass}
          value={scope.environmentKey}
          onChange={(event) => onChange({ ...scope, environmentKey: event.target.value })}
        >
          {environments.map((environment) => (
            <option key={environment.key} value={environment.key}>
              {environment.name} ({environment.key})
            </option>
          ))}
          <option value={ANY}>Every environment</option>
        </select>
      </div>
    </div>
  );
}
