// Step 3 of the CSV import: the progress bar, then what was written and the rows not imported.
import { plural } from "@/lib/format";
import type { ImportKind } from "@/lib/import/csv-mapping";
import type { ImportResult } from "@/lib/import/send-import";

export function ImportProgressStep({
  kind,
  progress,
  failure,
  result,
}: {
  kind: ImportKind;
  progress: { done: number; total: number };
  failure: string | null;
  result: ImportResult | null;
}) {
  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label="Progress">
      <h2 className="font-semibold">3. Import</h2>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        className="mt-3 h-3 overflow-hidden rounded bg-canvas"
      >
        <div
          className="h-full bg-accent transition-all"
          style={{ width: `${progress.total === 0 ? 100 : (100 * progress.done) / progress.total}%` }}
        />
      </div>
      <p className="mt-1 text-sm text-muted">
        {progress.done} of {plural(progress.total, "row")}
      </p>
      {failure && <p className="mt-2 text-sm text-bad">{failure}</p>}
      {result && (
        <div className="mt-4" data-testid="import-summary">
          <p className="font-medium">
            Done: {result.accepted - result.skipped} written{kind === "accounts" ? " (new or updated)" : ""},{" "}
            {result.skipped} already there,{" "}
            {plural(new Set(result.errors.map((e) => e.line)).size, "row with a problem", "rows with problems")}.
          </p>
          {result.errors.length > 0 && (
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Rows not imported</caption>
              <thead className="text-xs text-muted">
                <tr>
                  <th className="pr-3">Line</th>
                  <th className="pr-3">Field</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody data-testid="import-errors">
                {result.errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td className="pr-3 tabular-nums">{e.line}</td>
                    <td className="pr-3 font-mono text-xs">{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
