"use client";

import { formText } from "@/lib/form-value";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useCreateProject } from "@/lib/queries/projects";

export function CreateProjectCard() {
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
