// Step 2 of the CSV import: a column of the file for each field, how to read amounts and dates,
// the preview, and the button that starts the import.
import type { ReactNode } from "react";
import { FIELDS, type ImportKind } from "@/lib/import/csv-mapping";
import { plural } from "@/lib/format";
import { FIELD_CLASS } from "./field-class";

export interface ReadOptions {
  moneyInUnits: boolean;
  assumeUtc: boolean;
}

export function ImportColumnsStep({
  kind,
  fileName,
  header,
  rowCount,
  mapping,
  onMapping,
  options,
  onOptions,
  preview,
  hiddenBad,
  ready,
  bad,
  busy,
  onImport,
}: {
  kind: ImportKind;
  fileName: string;
  header: string[];
  rowCount: number;
  mapping: Record<string, string | null>;
  onMapping: (mapping: Record<string, string | null>) => void;
  options: ReadOptions;
  onOptions: (options: ReadOptions) => void;
  preview: ReactNode;
  hiddenBad: number;
  ready: number;
  bad: number;
  busy: boolean;
  onImport: () => void;
}) {
  const missing = FIELDS[kind].filter((f) => f.required && !mapping[f.name]);
  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label="Columns">
      <h2 className="font-semibold">
        2. Columns of {fileName} <span className="font-normal text-muted">({plural(rowCount, "row")})</span>
      </h2>
      <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        {FIELDS[kind].map((f) => (
          <label key={f.name} className="text-sm">
            <span className="font-mono">{f.name}</span>
            {f.required ? <span className="text-bad"> *</span> : ""}
            <select
              className={`${FIELD_CLASS} mt-1 block w-full`}
              value={mapping[f.name] ?? ""}
              onChange={(e) => onMapping({ ...mapping, [f.name]: e.target.value || null })}
            >
              <option value="">— not in the file —</option>
              {header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        {FIELDS[kind].some((f) => f.kind === "money") && (
          <label>
            <input
              type="checkbox"
              checked={options.moneyInUnits}
              onChange={(e) => onOptions({ ...options, moneyInUnits: e.target.checked })}
            />{" "}
            Amounts are in currency units (84.50), not cents
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={options.assumeUtc}
            onChange={(e) => onOptions({ ...options, assumeUtc: e.target.checked })}
          />{" "}
          Read dates without a zone as UTC
        </label>
      </div>
      <h3 className="mt-4 text-sm font-medium">Preview</h3>
      {preview}
      {hiddenBad > 0 && (
        <p className="mt-1 text-xs text-muted">
          {plural(hiddenBad, "more bad row")} not shown here; all are listed after the import.
        </p>
      )}
      <p className="mt-3 text-sm">
        {plural(ready, "row")} ready
        {bad > 0 && (
          <span className="text-bad">
            {" "}
            · {plural(bad, "row with a problem", "rows with problems")}, not imported (why is in the preview)
          </span>
        )}
      </p>
      {missing.length > 0 && (
        <p className="mt-1 text-sm text-bad">Choose a column for {missing.map((m) => m.name).join(", ")}.</p>
      )}
      <button
        type="button"
        disabled={missing.length > 0 || ready === 0 || busy}
        onClick={onImport}
        className="mt-3 rounded-md bg-accent px-4 py-2 text-sm text-accent-ink disabled:opacity-50"
      >
        Import {plural(ready, "row")}
      </button>
    </section>
  );
}
