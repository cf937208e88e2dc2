"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useProjects } from "@/lib/queries/projects";

/** First path segments that are dashboard pages, not a project key (project keys may not take these names). */
const NOT_PROJECT_PATHS = new Set(["projects", "settings", "docs", "api", "login"]);

function decode(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The project and environment the page belongs to: `/{project}/{environment}/…` or `/projects/{project}`. */
function currentPlace(pathname: string): { projectKey: string | null; environmentKey: string | null } {
  const [first, second, third] = pathname.split("/").slice(1);
  if (first === "projects") return { projectKey: decode(second), environmentKey: null };
  if (!first || NOT_PROJECT_PATHS.has(first) || !third) return { projectKey: null, environmentKey: null };
  return { projectKey: decode(first), environmentKey: decode(second) };
}

function linkClass(current: boolean) {
  return `block rounded px-2 py-1 break-all hover:bg-slate-100 ${current ? "font-semibold text-indigo-700" : "text-slate-700"}`;
}

/**
 * The header's project and environment switcher (its links are not prefetched: an open list of many projects would
 * otherwise render every one of their pages ahead): the projects and environments the member may view (the API lists
 * only those), each environment a link to its segments. In the header row on wide screens, inside the Menu on phones.
 */
export function ProjectSwitcher() {
  const projects = useProjects();
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const open = openOn === pathname;
  const { projectKey, environmentKey } = currentPlace(pathname);
  const project = projects.data?.items.find((candidate) => candidate.key === projectKey);
  const environment = project?.environments.items.find((candidate) => candidate.key === environmentKey);
  const label = project
    ? `${project.name}${environment ? ` / ${environment.name}` : ""}`
    : "Choose a project";

  return (
    <div
      className="relative"
      onBlur={(event) => {
        // Focus moving out of the switcher (a click elsewhere, Tab past the last link) closes it.
        if (open && !event.currentTarget.contains(event.relatedTarget)) setOpenOn(null);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpenOn(null);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex max-w-full items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1.5 text-left text-sm text-slate-700 hover:border-slate-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 lg:max-w-72"
      >
        <span className="sr-only">Project and environment: </span>
        <span className="truncate">{label}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        className={`${open ? "block" : "hidden"} mt-2 max-h-96 w-full overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm lg:absolute lg:left-0 lg:z-40 lg:w-72 lg:shadow-lg`}
      >
        {projects.isError ? <p className="px-2 py-1 text-red-700">Projects could not be loaded.</p> : null}
        {projects.data?.items.length === 0 ? (
          <p className="px-2 py-1 text-slate-500">No projects yet.</p>
        ) : null}
        <ul aria-label="Projects and environments" className="flex flex-col gap-2">
          {projects.data?.items.map((candidate) => (
            <li key={candidate.key}>
              <Link
                href={`/projects/${encodeURIComponent(candidate.key)}`}
                prefetch={false}
                aria-current={candidate.key === projectKey && environmentKey === null ? "page" : undefined}
                className={`${linkClass(candidate.key === projectKey && environmentKey === null)} font-medium`}
              >
                {candidate.name}
              </Link>
              <ul
                aria-label={`${candidate.name} environments`}
                className="ml-3 border-l border-slate-200 pl-2"
              >
                {candidate.environments.items.map((option) => {
                  const current = candidate.key === projectKey && option.key === environmentKey;
                  return (
                    <li key={option.key}>
                      <Link
                        href={`/${encodeURIComponent(candidate.key)}/${encodeURIComponent(option.key)}/segments`}
                        prefetch={false}
                        aria-current={current ? "true" : undefined}
                        className={linkClass(current)}
                      >
                        {option.name}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
