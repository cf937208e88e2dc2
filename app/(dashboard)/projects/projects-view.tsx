"use client";

import { formText } from "@/lib/form-value";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useCreateProject, useProjects } from "@/lib/queries/projects";

export function ProjectsView() {
  const projects = useProjects();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Projects</h1>
        <p className="text-sm text-slate-500">
          Each project has environments; segments live in an environment.
        </p>
      </div>
      {projects.isPending ? <LoadingState /> : null}
      {projects.isError ? <ErrorState error={projects.error} /> : null}
      {projects.data && projects.data.items.length === 0 ? (
        <EmptyState title="No projects yet">Create the first one below.</EmptyState>
      ) : null}
      {projects.data && projects.data.items.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Projects">
          {projects.data.items.map((project) => (
            <li key={project.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <Link
                href={`/projects/${encodeURIComponent(project.key)}`}
                className="font-medium text-indigo-700 hover:underline"
              >
                {project.name}
              </Link>
              <p className="text-xs text-slate-500">
                key <code>{project.key}</code> · {project.environments.totalCount} environments
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {project.environments.items.map((environment) => (
                  <li key={environment.key}>
                    <Link
                      className="rounded bg-slate-100 px-2 py-0.5 text-slate-700 hover:bg-slate-200"
                      href={`/${encodeURIComponent(project.key)}/${encodeURIComponent(environment.key)}/segments`}
                    >
                      {environment.name} segments
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateProjectCard />
    </div>
  );
}

function CreateProjectCard() {
  const createProject = useCreateProject();
  const [created, setCreated] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = formText(form, "name");
    const key = formText(form, "key");
    createProject.mutate(
      { name, key },
      {
        onSuccess: (project) => {
          setCreated(project.key);
          formElement.reset();
        },
      },
    );
  }

  return (
    <Card title="Create a project" description="Production and test environments are created with it.">
      <form className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" onSubmit={onSubmit}>
        <Field label="Project name" name="name" required />
        <Field
          label="Project key"
          name="key"
          required
          pattern="[A-Za-z0-9._\-]+"
          hint="Letters, digits, . _ -"
        />
        <Button type="submit" disabled={createProject.isPending}>
          {createProject.isPending ? "Creating…" : "Create project"}
        </Button>
      </form>
      {createProject.isError ? <ErrorState error={createProject.error} /> : null}
      {created ? (
        <p role="status" className="mt-3 text-sm text-green-700">
          Project {created} created.
        </p>
      ) : null}
    </Card>
  );
}
