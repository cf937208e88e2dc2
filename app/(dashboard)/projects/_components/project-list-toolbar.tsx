"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PROJECT_SEARCH_MAX_LENGTH, type ProjectListFilters } from "@/lib/queries/project-list-filters";
import type { ProjectSort } from "@/lib/schemas/project-filter";

const SORT_LABELS: Record<ProjectSort, string> = {
  createdOn: "Oldest first",
  "-createdOn": "Newest first",
  name: "Name A–Z",
  "-name": "Name Z–A",
};

function isSort(value: string): value is ProjectSort {
  return Object.hasOwn(SORT_LABELS, value);
}

/** Search and order of the project list; each change goes to the URL through `onChange`. */
export function ProjectListToolbar({
  filters,
  onChange,
}: {
  filters: ProjectListFilters;
  onChange: (changes: Partial<ProjectListFilters>) => void;
}) {
  const [search, setSearch] = useState(filters.q);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        role="search"
        className="flex min-w-0 gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: search.trim() });
        }}
      >
        <label htmlFor="project-search" className="sr-only">
          Search projects
        </label>
        <input
          id="project-search"
          type="search"
          value={search}
          maxLength={PROJECT_SEARCH_MAX_LENGTH}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Name or key"
          className="w-56 min-w-0 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Sort
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={filters.sort}
          onChange={(event) => {
            const sort = event.target.value;
            if (isSort(sort)) onChange({ sort });
          }}
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
