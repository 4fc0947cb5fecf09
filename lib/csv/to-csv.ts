// CSV with a header row. Text that a spreadsheet would run as a formula is neutralised with a
// leading quote; numbers stay numbers (negative figures are untouched); null is an empty cell.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function toCsv<T extends Record<string, CsvValue>>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  const cell = (v: CsvValue): string | number => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? "true" : "false";
    return csvText(v);
  };
  return stringify([[...columns], ...rows.map((r) => columns.map((c) => cell(r[c])))], {
    cast: { number: (n) => String(n) },
  });
}

/** Text as a spreadsheet will not run it: a leading quote before a formula's first character. */
export function csvText(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}
