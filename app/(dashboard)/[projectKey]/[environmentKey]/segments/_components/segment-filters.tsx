"use client";

import { useParams } from "next/navigation";
import { useState } from "react";
import { tagCompletions } from "@/components/segments/tag-text";
import { Button } from "@/components/ui/button";
import { useSegmentTags, type FreshnessFilter, type SegmentListFilters } from "@/lib/queries/segments";
import type { SegmentSort } from "@/lib/schemas/segment";
import type { IntegrationResponse } from "@/lib/schemas/sync-run";

const SORT_LABELS: Record<SegmentSort, string> = {
  "-creationDate": "Newest first",
  creationDate: "Oldest first",
  name: "Name A–Z",
  "-name": "Name Z–A",
  "-lastModified": "Recently modified",
  lastModified: "Least recently modified",
};

const FRESHNESS_LABELS: Record<FreshnessFilter, string> = {
  any: "Any sync state",
  fresh: "Fresh",
  partial: "Partially applied",
  stale: "Stale",
  never: "Never synced",
  failed: "Failed",
};

const selectClass = "max-w-52 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

type Props = {
  filters: SegmentListFilters;
  integrations: readonly IntegrationResponse[];
  /** Changes the filters in the address bar and goes back to the first page. */
  onChange: (changes: Partial<SegmentListFilters>) => void;
  onAddTag: (tag: string) => void;
};

function uniqueIgnoringCase(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const folded = tag.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The search, tag, integration, sync state and sort controls, and a removable chip for the search and each tag. */
export function SegmentFilters({ filters, integrations, onChange: show, onAddTag }: Props) {
  const [search, setSearch] = useState(filters.query);
  const [tagDraft, setTagDraft] = useState("");
  const { projectKey, environmentKey } = useParams<{ projectKey: string; environmentKey: string }>();
  // Tags match case-insensitively, so each spelling is offered once, as the first segment to use it spells it.
  const knownTags = useSegmentTags({ projectKey, environmentKey }).data?.items ?? [];

  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            show({ query: search.trim() });
          }}
        >
          <label htmlFor="segment-search" className="sr-only">
            Search segments
          </label>
          <input
            id="segment-search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search by name or key"
            className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const tag = tagDraft.trim();
            if (tag !== "") onAddTag(tag);
            setTagDraft("");
          }}
        >
          <label htmlFor="segment-tag-filter" className="sr-only">
            Filter by tag
          </label>
          <input
            id="segment-tag-filter"
            value={tagDraft}
            onChange={(event) => setTagDraft(event.target.value)}
            placeholder="Filter by tag"
            list="segment-tag-filter-suggestions"
            className="w-36 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <datalist id="segment-tag-filter-suggestions">
            {tagCompletions(tagDraft.includes(",") ? "" : tagDraft, uniqueIgnoringCase(knownTags)).map(
              (tag) => (
                <option key={tag} value={tag} />
              ),
            )}
          </datalist>
        </form>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Integration
          <select
            className={selectClass}
            value={filters.integration}
            onChange={(event) => show({ integration: event.target.value })}
          >
            <option value="any">Any</option>
            <option value="synced">Synced by any tool</option>
            <option value="unsynced">Managed here (not synced)</option>
            {integrations.map((integration) => (
              <option key={integration.key} value={integration.key}>
                {integration.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Sync state
          <select
            className={selectClass}
            value={filters.freshness}
            onChange={(event) => show({ freshness: event.target.value as FreshnessFilter })}
          >
            {Object.entries(FRESHNESS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Sort
          <select
            className={selectClass}
            value={filters.sort}
            onChange={(event) => show({ sort: event.target.value as SegmentSort })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {filters.tags.length > 0 || filters.query !== "" ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2 text-sm">
          {filters.query !== "" ? (
            <li>
              <button
                type="button"
                className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-indigo-800 hover:bg-indigo-100"
                aria-label={`Remove search ${filters.query}`}
                onClick={() => {
                  setSearch("");
                  show({ query: "" });
                }}
              >
                “{filters.query}” ×
              </button>
            </li>
          ) : null}
          {filters.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-indigo-800 hover:bg-indigo-100"
                aria-label={`Remove tag filter ${tag}`}
                onClick={() => show({ tags: filters.tags.filter((other) => other !== tag) })}
              >
                tag: {tag} ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
