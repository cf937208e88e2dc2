"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useBulkTagSegments, type EnvironmentLocation } from "@/lib/queries/segments";

/** Adds or removes one tag on every selected segment; the server applies it to all of them or to none. */
export function BulkTagBar({
  location,
  keys,
  onDone,
}: {
  location: EnvironmentLocation;
  keys: string[];
  onDone: (summary: string) => void;
}) {
  const [tag, setTag] = useState("");
  const bulkTag = useBulkTagSegments(location);
  const apply = (change: "add" | "remove") => {
    const value = tag.trim();
    if (value === "") return;
    bulkTag.mutate(
      { keys, [change]: [value] },
      {
        onSuccess: ({ items }) => {
          setTag("");
          onDone(
            `${change === "add" ? "Added" : "Removed"} tag “${value}” ${change === "add" ? "to" : "from"} ${items.length} segment${items.length === 1 ? "" : "s"}.`,
          );
        },
      },
    );
  };
  return (
    <div
      role="region"
      aria-label="Bulk tag"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm"
    >
      <span className="font-medium text-indigo-900">{keys.length} selected</span>
      <label htmlFor="bulk-tag" className="sr-only">
        Tag for the selected segments
      </label>
      <input
        id="bulk-tag"
        value={tag}
        onChange={(event) => setTag(event.target.value)}
        placeholder="Tag"
        className="w-40 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
      />
      <Button disabled={tag.trim() === "" || bulkTag.isPending} onClick={() => apply("add")}>
        Add tag
      </Button>
      <Button
        variant="secondary"
        disabled={tag.trim() === "" || bulkTag.isPending}
        onClick={() => apply("remove")}
      >
        Remove tag
      </Button>
      {bulkTag.isError ? (
        <p role="alert" className="text-red-700">
          {bulkTag.error.message}
        </p>
      ) : null}
    </div>
  );
}
