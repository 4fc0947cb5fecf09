// The rows of a parsed file as items, their problems (worded as the server words them) by line,
// the lines the preview shows, and the rows that can be sent.
import { useMemo } from "react";
import { type ImportKind, rowToItem } from "@/lib/import/csv-mapping";
import { rowProblems } from "@/lib/import/row-problems";
import type { RowError } from "@/lib/import/send-import";

/** The preview shows the first rows, then the bad rows after them up to this many more. */
const PREVIEW_ROWS = 5;
const PREVIEW_BAD_ROWS = 20;

export interface ParsedFile {
  fileName: string;
  header: string[];
  rows: Record<string, string>[];
  parseErrors: RowError[];
}

export function useImportRows(
  kind: ImportKind,
  parsed: ParsedFile | null,
  mapping: Record<string, string | null>,
  options: { moneyInUnits: boolean; assumeUtc: boolean },
) {
  const { moneyInUnits, assumeUtc } = options;
  const items = useMemo(() => {
    const convert = { moneyInUnits, assumeUtc };
    return parsed ? parsed.rows.map((r) => rowToItem(kind, r, mapping, convert)) : [];
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
  return { items, localErrors, problemsOf, badLines, previewLines, hiddenBad, sendable };
}
