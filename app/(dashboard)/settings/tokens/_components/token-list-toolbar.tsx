"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EXPIRING_SOON_DAYS, type TokenListFilters, type TokenTypeFilter } from "@/lib/queries/tokens";
import { TOKEN_SEARCH_MAX_LENGTH, TOKEN_SORTS, type TokenSort } from "@/lib/schemas/token";

const SORT_LABELS: Record<TokenSort, string> = {
  creationDate: "Oldest first",
  "-creationDate": "Newest first",
  name: "Name A–Z",
  "-name": "Name Z–A",
  "-lastUsed": "Recently used",
  lastUsed: "Least recently used",
  expiresAt: "Expires soonest",
  "-expiresAt": "Expires latest",
};

const TYPE_LABELS: Record<TokenTypeFilter, string> = {
  any: "Service and personal",
  service: "Service tokens",
  personal: "Personal tokens",
};

const selectClass = "max-w-52 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Search, filters and order of the token list; each change goes to the URL through `onChange`. */
export function TokenListToolbar({
  filters,
  onChange,
}: {
  filters: TokenListFilters;
  onChange: (changes: Partial<TokenListFilters>) => void;
}) {
  const [search, setSearch] = useState(filters.q);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: search.trim() });
        }}
      >
        <label htmlFor="token-search" className="sr-only">
          Search tokens
        </label>
        <input
          id="token-search"
          value={search}
          maxLength={TOKEN_SEARCH_MAX_LENGTH}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Name, ending or owner"
          className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Type
        <select
          className={selectClass}
          value={filters.type}
          onChange={(event) => {
            const type = event.target.value;
            if (type === "any" || type === "service" || type === "personal") onChange({ type });
          }}
        >
          {Object.entries(TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={filters.expiring}
          onChange={(event) => onChange({ expiring: event.target.checked })}
        />
        Expiring within {EXPIRING_SOON_DAYS} days
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={filters.unused}
          onChange={(event) => onChange({ unused: event.target.checked })}
        />
        Never used
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Sort
        <select
          className={selectClass}
          value={filters.sort}
          onChange={(event) => {
            const sort = TOKEN_SORTS.find((value) => value === event.target.value);
            if (sort !== undefined) onChange({ sort });
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
