"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { GuardedButton } from "@/components/ui/guarded-button";
import { TypedDeleteDialog } from "@/components/ui/typed-delete-dialog";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useDeleteEnvironment, useDeleteProject } from "@/lib/queries/projects";

/** What the member may delete here, decided on the server; null when the page could not decide (the API still does). */
export type ProjectPermissions = {
  deleteProject: AccessDecision;
  deleteEnvironment: Record<string, AccessDecision>;
  /** The resource names (tags included) the decisions are about, for the page's permission notice. */
  resources: { project: string; environments: Record<string, string> };
};

const UNDECIDED: AccessDecision = { allowed: true, reason: "access could not be checked; the API decides" };

/** Deleting a project asks for its key, typed: every environment, segment and member list in it goes with it. */
export function ProjectDangerZone({
  projectKey,
  name,
  decision,
  explainedBy,
}: {
  projectKey: string;
  name: string;
  decision: AccessDecision | undefined;
  explainedBy: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteProject(projectKey);
  const close = () => {
    setOpen(false);
    deletion.reset();
  };
  return (
    <section
      aria-labelledby="project-danger-zone"
      className="rounded-lg border border-red-200 bg-white p-5 shadow-sm"
    >
      <h2 id="project-danger-zone" className="text-base font-semibold text-red-800">
        Danger zone
      </h2>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-4">
        <p className="max-w-xl text-sm text-slate-600">
          Deleting removes the project with all its environments, their segments and members at once. Redis
          stores of its environments are retired: Tributary removes what it wrote there.
        </p>
        <GuardedButton
          variant="danger"
          decision={decision ?? UNDECIDED}
          explainedBy={explainedBy}
          onClick={() => setOpen(true)}
        >
          Delete project
        </GuardedButton>
      </div>
      {open ? (
        <TypedDeleteDialog
          title={`Delete ${name}?`}
          what="project"
          confirmKey={projectKey}
          isPending={deletion.isPending}
          error={deletion.isError ? deletion.error.message : null}
          onClose={close}
          onConfirm={() => deletion.mutate(undefined, { onSuccess: () => router.push("/projects") })}
        />
      ) : null}
    </section>
  );
}

/** Deleting an environment asks for its key, typed: its segments, members and stores' data go with it. */
export function DeleteEnvironmentButton({
  projectKey,
  environment,
  decision,
  explainedBy,
}: {
  projectKey: string;
  environment: { key: string; name: string };
  decision: AccessDecision | undefined;
  explainedBy: string;
}) {
  const [open, setOpen] = useState(false);
  const deletion = useDeleteEnvironment(projectKey);
  const close = () => {
    setOpen(false);
    deletion.reset();
  };
  return (
    <>
      <GuardedButton
        variant="danger"
        decision={decision ?? UNDECIDED}
        explainedBy={explainedBy}
        onClick={() => setOpen(true)}
        aria-label={`Delete environment ${environment.name}`}
      >
        Delete
      </GuardedButton>
      {open ? (
        <TypedDeleteDialog
          title={`Delete ${environment.name}?`}
          what="environment"
          confirmKey={environment.key}
          isPending={deletion.isPending}
          error={deletion.isError ? deletion.error.message : null}
          onClose={close}
          onConfirm={() => deletion.mutate(environment.key, { onSuccess: close })}
        />
      ) : null}
    </>
  );
}
