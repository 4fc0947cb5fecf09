// Step 1 of the CSV import: what to import and which file.
import { IMPORT_KINDS, type ImportKind, isImportKind } from "@/lib/import/csv-mapping";
import { FIELD_CLASS } from "./field-class";

const KIND_LABEL: Record<ImportKind, string> = {
  accounts: "Accounts",
  contacts: "Contacts",
  "subscription-events": "Subscription events",
  cancellations: "Cancellation answers",
};

export function ImportFileStep({
  kind,
  onKind,
  onFile,
}: {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  onFile: (file: File) => void;
}) {
  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label="File">
      <h2 className="font-semibold">1. What and which file</h2>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <label className="text-sm">
          Import
          <select
            className={`${FIELD_CLASS} mt-1 block`}
            value={kind}
            onChange={(e) => {
              if (isImportKind(e.target.value)) onKind(e.target.value);
            }}
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          CSV file (first line: column names)
          <input
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink hover:file:bg-canvas"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
            }}
          />
        </label>
      </div>
      {kind !== "accounts" && (
        <p className="mt-2 text-xs text-muted">
          Accounts come first: rows naming an account Holdfast does not know are reported, not imported.
        </p>
      )}
    </section>
  );
}
