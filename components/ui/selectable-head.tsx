// The header row of a keyboard table: an optional "select every row" box, then the column names.
export function SelectableHead({
  head,
  selectAll,
}: {
  head: string[];
  selectAll?: { label: string; checked: boolean; onChange: (on: boolean) => void };
}) {
  return (
    <thead className="border-b border-line bg-canvas/60 text-xs uppercase tracking-wide text-muted">
      <tr>
        {selectAll && (
          <th scope="col" className="w-8 px-3 py-2">
            <input
              type="checkbox"
              aria-label={selectAll.label}
              checked={selectAll.checked}
              onChange={(e) => selectAll.onChange(e.target.checked)}
            />
          </th>
        )}
        {head.map((h) => (
          <th key={h} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
