"use client";
// CSV import: pick a file, check the column guesses, preview, then import in chunks behind a
// progress bar. Rows with problems are shown in the preview with the server's own reasons, are not
// sent, and never block the others.
import Papa from "papaparse";
import { useState } from "react";
import { FIELDS, type ImportKind, guessMapping, guessMoneyInUnits } from "@/lib/import/csv-mapping";
import { type ImportResult, sendImport } from "@/lib/import/send-import";
import { ImportColumnsStep } from "./import-columns-step";
import { ImportFileStep } from "./import-file-step";
import { ImportPreview } from "./import-preview";
import { ImportProgressStep } from "./import-progress-step";
import { type ParsedFile, useImportRows } from "./use-import-rows";

export function ImportWizard() {
  const [kind, setKind] = useState<ImportKind>("accounts");
  const [parsed, setParsed] = useState<ParsedFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [options, setOptions] = useState({ moneyInUnits: true, assumeUtc: true });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useImportRows(kind, parsed, mapping, options);

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
        const moneyInUnits = column ? guessMoneyInUnits(out.data.slice(0, 200).map((r) => r[column] ?? "")) : true;
        setOptions((o) => ({ ...o, moneyInUnits }));
      },
      error: (e) => setFailure(`The file could not be read: ${e.message}`),
    });
  }

  async function run() {
    setFailure(null);
    const outcome = await sendImport(kind, rows.sendable, rows.localErrors, {
      progress: (done, total) => setProgress({ done, total }),
      failure: setFailure,
    });
    setResult(outcome);
  }

  return (
    <div className="space-y-6">
      <ImportFileStep
        kind={kind}
        onKind={(k) => {
          setKind(k);
          if (parsed) setMapping(guessMapping(k, parsed.header));
        }}
        onFile={(file) => choose(file, kind)}
      />
      {parsed && (
        <ImportColumnsStep
          kind={kind}
          fileName={parsed.fileName}
          header={parsed.header}
          rowCount={parsed.rows.length}
          mapping={mapping}
          onMapping={setMapping}
          options={options}
          onOptions={setOptions}
          preview={
            <ImportPreview kind={kind} lines={rows.previewLines} items={rows.items} problemsOf={rows.problemsOf} />
          }
          hiddenBad={rows.hiddenBad}
          ready={rows.sendable.length}
          bad={rows.badLines.size}
          busy={progress !== null && result === null}
          onImport={run}
        />
      )}
      {progress && <ImportProgressStep kind={kind} progress={progress} failure={failure} result={result} />}
      {failure && !progress && <p className="text-sm text-bad">{failure}</p>}
    </div>
  );
}
