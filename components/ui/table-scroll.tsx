import type { ReactNode } from "react";

/**
 * The one box every wide table sits in: on a narrow screen the table scrolls sideways inside it, never the page. It is
 * a labelled, focusable region so keyboard users can scroll it too (axe's scrollable-region-focusable), and the first
 * column (the row's name or key) stays pinned while the rest scrolls. `pinnedColumns={2}` pins a leading checkbox
 * column as well.
 */
export function TableScroll({
  label,
  pinnedColumns = 1,
  className = "",
  children,
}: {
  label: string;
  pinnedColumns?: 0 | 1 | 2;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-pinned-columns={pinnedColumns}
      className={`table-scroll max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${className}`}
    >
      {children}
    </div>
  );
}
