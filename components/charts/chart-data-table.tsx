import type { ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

export type ChartDataRow = { key: string; cells: readonly ReactNode[] };

/**
 * The numbers behind a chart as a table, behind a "Show data" disclosure: what screen readers and keyboard users read
 * instead of the drawing, and what anyone can copy. The first cell of a row names it.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly ChartDataRow[];
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline">Show data</summary>
      <TableScroll label="Chart data" className="mt-2 p-2">
        <table className="w-full text-left tabular-nums">
          <caption className="mb-1 text-left text-xs text-slate-600">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              {columns.map((column, index) => (
                <th
                  key={column}
                  scope="col"
                  className={`py-1 pr-4 font-medium ${index > 0 ? "text-right" : ""}`}
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100 last:border-b-0">
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className="py-1 pr-4 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="py-1 pr-4 text-right">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
