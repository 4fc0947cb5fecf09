// The import preview: the first rows as they will be imported, then the bad rows, each with why.
import type { ImportKind } from "@/lib/import/csv-mapping";
import { FIELDS } from "@/lib/import/csv-mapping";
import type { RowError } from "@/lib/import/send-import";

export function ImportPreview({
  kind,
  lines,
  items,
  problemsOf,
}: {
  kind: ImportKind;
  lines: number[];
  items: Record<string, unknown>[];
  problemsOf: Map<number, RowError[]>;
}) {
  return (
    <div className="mt-1 overflow-x-auto">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">First rows as they will be imported</caption>
        <thead className="text-muted">
          <tr>
            <th className="pr-3">Line</th>
            {FIELDS[kind].map((f) => (
              <th key={f.name} className="pr-3 font-mono">
                {f.name}
              </th>
            ))}
            <th className="pr-3">Problem</th>
          </tr>
        </thead>
        <tbody data-testid="import-preview">
          {lines.map((line) => {
            const item = items[line - 2] ?? {};
            const problems = problemsOf.get(line) ?? [];
            return (
              <tr key={line} className={`align-top ${problems.length > 0 ? "text-bad" : ""}`}>
                <td className="pr-3">{line}</td>
                {FIELDS[kind].map((f) => (
                  <td key={f.name} className="max-w-48 truncate pr-3">
                    {item[f.name] === undefined ? "" : String(item[f.name])}
                  </td>
                ))}
                <td className="min-w-48 pr-3">
                  {problems.map((p, i) => (
                    <span key={i} className="block">
                      <span className="font-mono">{p.field}</span>: {p.message}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
