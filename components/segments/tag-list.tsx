/** A segment's tags as chips; nothing at all for a segment without tags unless `empty` says what to show. */
export function TagList({ tags, empty = null }: { tags: readonly string[]; empty?: string | null }) {
  if (tags.length === 0) return empty === null ? null : <span className="text-slate-500">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {tag}
        </li>
      ))}
    </ul>
  );
}
