"use client";

import { Button } from "@/components/ui/button";
import type { AuditCursor } from "@/lib/queries/audit-log";

/** Paging of a newest-first audit list: "Older" pushes the next cursor onto the stack, "Newer" pops one. */
export function NewerOlderButtons({
  cursors,
  older,
  onChange,
}: {
  cursors: readonly AuditCursor[];
  older: AuditCursor | null;
  onChange: (cursors: AuditCursor[]) => void;
}) {
  return (
    <div className="flex gap-2">
      <Button
        variant="secondary"
        disabled={cursors.length <= 1}
        onClick={() => onChange(cursors.length > 1 ? cursors.slice(0, -1) : [...cursors])}
      >
        Newer
      </Button>
      <Button
        variant="secondary"
        disabled={older === null}
        onClick={() => {
          if (older) onChange([...cursors, older]);
        }}
      >
        Older
      </Button>
    </div>
  );
}
