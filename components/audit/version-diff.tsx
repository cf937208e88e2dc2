const ABSENT = Symbol("absent");

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === ABSENT || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value, null, 1);
}

function rows(previous: unknown, current: unknown): { field: string; before: unknown; after: unknown }[] {
  if (isRecord(previous) || isRecord(current)) {
    const before = isRecord(previous) ? previous : {};
    const after = isRecord(current) ? current : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.map((field) => ({
      field,
      before: Object.hasOwn(before, field) ? before[field] : ABSENT,
      after: Object.hasOwn(after, field) ? after[field] : ABSENT,
    }));
  }
  return [{ field: "value", before: previous ?? ABSENT, after: current ?? ABSENT }];
}

/** Before and after of an audited change, field by field; changed fields are marked. */
export function VersionDiff({ previous, current }: { previous: unknown; current: unknown }) {
  if (previous === undefined && current === undefined) {
    return <p className="text-xs text-slate-500">No versions were recorded for this entry.</p>;
  }
  return (
    <table className="w-full table-fixed text-left text-xs">
      <caption className="mb-1 text-left text-xs font-semibold text-slate-700">Before and after</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="w-40 pr-2 pb-1 font-medium">
            Field
          </th>
          <th scope="col" className="pr-2 pb-1 font-medium">
            Before
          </th>
          <th scope="col" className="pb-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {rows(previous, current).map(({ field, before, after }) => {
          const changed =
            before === ABSENT || after === ABSENT
              ? before !== after
              : JSON.stringify(before) !== JSON.stringify(after);
          return (
            <tr
              key={field}
              aria-label={`Field ${field}`}
              className={`border-t border-slate-100 align-top ${changed ? "bg-amber-50" : ""}`}
            >
              <th scope="row" className="py-1 pr-2 font-mono font-normal">
                {field}
                {changed ? <span className="ml-1 text-amber-700">(changed)</span> : null}
              </th>
              <td className="py-1 pr-2">
                <pre className="font-mono break-words whitespace-pre-wrap text-red-800">{show(before)}</pre>
              </td>
              <td className="py-1">
                <pre className="font-mono break-words whitespace-pre-wrap text-green-800">{show(after)}</pre>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
