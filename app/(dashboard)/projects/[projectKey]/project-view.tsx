"use client";

import { formText } from "@/lib/form-value";
import Link from "next/link";
import type { FormEvent } from "react";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PermissionNotice, type PermissionCheck } from "@/components/permission-notice";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useCreateEnvironment, useProject } from "@/lib/queries/projects";
import { DeleteEnvironmentButton, ProjectDangerZone, type ProjectPermissions } from "./delete-controls";
import { TableScroll } from "@/components/ui/table-scroll";

const PERMISSION_NOTICE_ID = "project-permissions";

function permissionChecks(permissions: ProjectPermissions | null): PermissionCheck[] {
  if (permissions === null) return [];
  return [
    ...Object.entries(permissions.deleteEnvironment).map(([key, decision]) => ({
      action: "deleteEnvironment",
      resource: permissions.resources.environments[key] ?? "",
      decision,
    })),
    { action: "deleteProject", resource: permissions.resources.project, decision: permissions.deleteProject },
  ];
}

export function ProjectView({
  projectKey,
  permissions,
}: {
  projectKey: string;
  permissions: ProjectPermissions | null;
}) {
  const project = useProject(projectKey);
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorState error={project.error} />;
  const { data } = project;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs items={[{ label: "Projects", href: "/projects" }, { label: data.name }]} />
        <h1 className="text-2xl font-semibold">{data.name}</h1>
      </div>
      <PermissionNotice
        id={PERMISSION_NOTICE_ID}
        checks={permissionChecks(permissions)}
        names={{
          project: data.name,
          environments: Object.fromEntries(
            data.environments.items.map((environment) => [environment.key, environment.name]),
          ),
        }}
      />
      <Card title="Environments" description="Partners name an environment by its client-side ID.">
        <TableScroll label="Environments" className="border-0">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Name</th>
                <th>Key</th>
                <th>Client-side ID</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.environments.items.map((environment) => (
                <tr
                  key={environment.key}
                  className="border-t border-slate-100"
                  aria-label={`Environment ${environment.name}`}
                >
                  <td className="py-2 font-medium">{environment.name}</td>
                  <td>
                    <code>{environment.key}</code>
                  </td>
                  <td>
                    <code data-testid={`client-side-id-${environment.key}`}>{environment.clientSideId}</code>
                  </td>
                  <td className="flex justify-end gap-2 py-2">
                    <CopyButton value={environment.clientSideId} label="Copy client-side ID" />
                    <Link
                      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
                      href={`/${encodeURIComponent(data.key)}/${encodeURIComponent(environment.key)}/segments`}
                    >
                      Segments
                    </Link>
                    <DeleteEnvironmentButton
                      projectKey={data.key}
                      environment={environment}
                      decision={permissions?.deleteEnvironment[environment.key]}
                      explainedBy={PERMISSION_NOTICE_ID}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
      <CreateEnvironmentCard projectKey={data.key} />
      <ProjectDangerZone
        projectKey={data.key}
        name={data.name}
        decision={permissions?.deleteProject}
        explainedBy={PERMISSION_NOTICE_ID}
      />
    </div>
  );
}

function CreateEnvironmentCard({ projectKey }: { projectKey: string }) {
  const createEnvironment = useCreateEnvironment(projectKey);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    createEnvironment.mutate(
      { name: formText(form, "name"), key: formText(form, "key") },
      { onSuccess: () => formElement.reset() },
    );
  }
  return (
    <Card title="Create an environment">
      <form className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" onSubmit={onSubmit}>
        <Field label="Environment name" name="name" required />
        <Field label="Environment key" name="key" required pattern="[A-Za-z0-9._\-]+" />
        <Button type="submit" disabled={createEnvironment.isPending}>
          {createEnvironment.isPending ? "Creating…" : "Create environment"}
        </Button>
      </form>
      {createEnvironment.isError ? <ErrorState error={createEnvironment.error} /> : null}
    </Card>
  );
}
