"use client";
// CSV import: pick a file, check the column guesses, preview, then import in chunks behind a
// progress bar. Rows with problems are shown in the preview with the server's own reasons, are not
// sent, and never block the others.
import Papa from "papaparse";
import { useMemo, useState } from "react";
import {
  FIELDS,
  IMPORT_KINDS,
  type ImportKind,
  guessMapping,
  guessMoneyInUnits,
  rowToItem,
} from "@/lib/import/csv-mapping";
import { rowProblems } from "@/lib/import/row-problems";
import { plural } from "@/lib/format";

const CHUNK = 500;
/** The preview shows the first rows, then the bad rows after them up to this many more. */
const PREVIEW_ROWS = 5;
const PREVIEW_BAD_ROWS = 20;
const KIND_LABEL: Record<ImportKind, string> = {
  accounts: "Accounts",
  "subscription-events": "Subscription events",
  cancellations: "Cancellation answers",
};

interface RowError {
  line: number;
  field: string;
  message: string;
}

interface Parsed {
  fileName: string;
  header: string[];
  rows: Record<string, string>[];
  parseErrors: RowError[];
}

export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>("accounts");
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [moneyInUnits, setMoneyInUnits] = useState(true);
  const [assumeUtc, setAssumeUtc] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ accepted: number; skipped: number; errors: RowError[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const items = useMemo(() => {
    const options = { moneyInUnits, assumeUtc };
    return parsed ? parsed.rows.map((r) => rowToItem(kind, r, mapping, options)) : [];
  }, [parsed, kind, mapping, moneyInUnits, assumeUtc]);
  // Line numbers count the header as line 1.
  const localErrors = useMemo(() => {
    const out: RowError[] = [...(parsed?.parseErrors ?? [])];
    items.forEach((item, i) => {
      for (const p of rowProblems(kind, item)) out.push({ line: i + 2, ...p });
    });
    return out;
  }, [items, kind, parsed]);
  const problemsOf = new Map<number, RowError[]>();
  for (const e of localErrors) {
    const list = problemsOf.get(e.line);
    if (list) list.push(e);
    else problemsOf.set(e.line, [e]);
  }
  const badLines = new Set(problemsOf.keys());
  // The first rows, then the bad rows after them, each with why it is bad.
  const badAfter = [...badLines]
    .filter((line) => line > PREVIEW_ROWS + 1 && line - 2 < items.length)
    .sort((x, y) => x - y);
  const previewLines = [...items.slice(0, PREVIEW_ROWS).map((_, i) => i + 2), ...badAfter.slice(0, PREVIEW_BAD_ROWS)];
  const hiddenBad = Math.max(0, badAfter.length - PREVIEW_BAD_ROWS);
  const sendable = items.map((item, i) => ({ item, line: i + 2 })).filter((x) => !badLines.has(x.line));

  function choose(file: File, k: ImportKind) {
    setResult(null);
    setFailure(null);
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: "greedy",
      complete: (out) => {
        const header = out.meta.fields ?? [];
        const parseErrors = out.errors.map((e) => ({ line: (e.row ?? 0) + 2, field: "(row)", message: e.message }));
        setParsed({ fileName: file.name, header, rows: out.data, parseErrors });
        const guessed = guessMapping(k, header);
        setMapping(guessed);
        const money = FIELDS[k].find((f) => f.kind === "money");
        const column = money ? guessed[money.name] : null;
        setMoneyInUnits(column ? guessMoneyInUnits(out.data.slice(0, 200).map((r) => r[column] ?? "")) : true);
      },
      error: (e) => setFailure(`The file could not be read: ${e.message}`),
    });
  }

  async function run() {
    setFailure(null);
    const total = sendable.length;
    const errors: RowError[] = [...localErrors];
    let accepted = 0;
    let skipped = 0;
    setProgress({ done: 0, total });
    for (let start = 0; start < total; start += CHUNK) {
      const chunk = sendable.slice(start, start + CHUNK);
      const response = await fetch(`/api/import/${kind}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ items: chunk.map((c) => c.item) }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { detail?: string } | null;
        setFailure(
          `The import stopped at line ${chunk[0]?.line}: ${body?.detail ?? response.statusText}. Rows before it are imported; run the same file again to finish — imported rows are skipped.`,
        );
        break;
      }
      const body = (await response.json()) as {
        accepted: number;
        skipped: number;
        errors: { item: number; field: string; message: string }[];
      };
      accepted += body.accepted;
      skipped += body.skipped;
      for (const e of body.errors) errors.push({ line: chunk[e.item]?.line ?? 0, field: e.field, message: e.message });
      setProgress({ done: Math.min(total, start + chunk.length), total });
    }
    setResult({ accepted, skipped, errors: errors.sort((a, b) => a.line - b.line) });
  }

  const missing = FIELDS[kind].filter((f) => f.required && !mapping[f.name]);
  const field = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-line bg-surface p-5" aria-label="File">
        <h2 className="font-semibold">1. What and which file</h2>
        <div className="mt-3 flex flex-wrap items-end gap-4">
          <label className="text-sm">
            Import
            <select
              className={`${field} mt-1 block`}
              value={kind}
              onChange={(e) => {
                const k = e.target.value as ImportKind;
                setKind(k);
                if (parsed) setMapping(guessMapping(k, parsed.header));
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
                if (file) choose(file, kind);
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

      {parsed && (
        <section className="rounded-xl border border-line bg-surface p-5" aria-label="Columns">
          <h2 className="font-semibold">
            2. Columns of {parsed.fileName}{" "}
            <span className="font-normal text-muted">({plural(parsed.rows.length, "row")})</span>
          </h2>
          <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
            {FIELDS[kind].map((f) => (
              <label key={f.name} className="text-sm">
                <span className="font-mono">{f.name}</span>
                {f.required ? <span className="text-bad"> *</span> : ""}
                <select
                  className={`${field} mt-1 block w-full`}
                  value={mapping[f.name] ?? ""}
                  onChange={(e) => setMapping({ ...mapping, [f.name]: e.target.value || null })}
                >
                  <option value="">— not in the file —</option>
                  {parsed.header.map((h) => (
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
                <input type="checkbox" checked={moneyInUnits} onChange={(e) => setMoneyInUnits(e.target.checked)} />{" "}
                Amounts are in currency units (84.50), not cents
              </label>
            )}
            <label>
              <input type="checkbox" checked={assumeUtc} onChange={(e) => setAssumeUtc(e.target.checked)} /> Read dates
              without a zone as UTC
            </label>
          </div>
          <h3 className="mt-4 text-sm font-medium">Preview</h3>
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
                {previewLines.map((line) => {
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
          {hiddenBad > 0 && (
            <p className="mt-1 text-xs text-muted">
              {plural(hiddenBad, "more bad row")} not shown here; all are listed after the import.
            </p>
          )}
          <p className="mt-3 text-sm">
            {plural(sendable.length, "row")} ready
            {badLines.size > 0 && (
              <span className="text-bad">
                {" "}
                · {plural(badLines.size, "row with a problem", "rows with problems")}, not imported (why is in the
                preview)
              </span>
            )}
          </p>
          {missing.length > 0 && (
            <p className="mt-1 text-sm text-bad">Choose a column for {missing.map((m) => m.name).join(", ")}.</p>
          )}
          <button
            type="button"
            disabled={missing.length > 0 || sendable.length === 0 || (progress !== null && result === null)}
            onClick={run}
            className="mt-3 rounded-md bg-accent px-4 py-2 text-sm text-accent-ink disabled:opacity-50"
          >
            Import {plural(sendable.length, "row")}
          </button>
        </section>
      )}

      {progress && (
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
      )}
      {failure && !progress && <p className="text-sm text-bad">{failure}</p>}
    </div>
  );
}
