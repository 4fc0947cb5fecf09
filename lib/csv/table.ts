// A CSV table described once (each column's key, its words and its kind) and written for one of two
// readers: raw, with the JSON's numbers (cents, fractions), or for people, as a chart's download
// button gives it: money in currency units with the currency code in the header, rates as
// percentages, ratios to two places, yes/no, and no locale separators.
import { type CsvValue, csvText, toCsv } from "./to-csv";
import { stringify } from "csv-stringify/sync";

export type ColumnKind = "text" | "count" | "money" | "rate" | "ratio" | "flag";

export interface CsvColumn<K extends string = string> {
  key: K;
  /** The header for people; the raw CSV's header is the key. */
  label: string;
  kind: ColumnKind;
  /** A column only one reader gets (e.g. a slug for machines, the name for people). */
  only?: CsvReader["for"];
}

export interface CsvTable {
  columns: readonly CsvColumn[];
  rows: readonly Record<string, CsvValue>[];
  /** Which of a report's tables this is, for the download's file name (a report of one table has none). */
  name?: string;
}

/** Who the CSV is for: `raw` (the default) or `people`, with the installation's currency. */
export type CsvReader = { for: "raw" } | { for: "people"; currency: string };

export function csvTable<K extends string>(
  rows: readonly Partial<Record<K, CsvValue>>[],
  columns: readonly CsvColumn<K>[],
): CsvTable {
  return { columns, rows };
}

export function writeCsv(table: CsvTable, reader: CsvReader): string {
  const columns = table.columns.filter((c) => c.only === undefined || c.only === reader.for);
  if (reader.for === "raw")
    return toCsv(
      table.rows,
      columns.map((c) => c.key),
    );
  const header = columns.map((c) =>
    csvText(c.kind === "money" ? `${c.label} (${reader.currency})` : c.kind === "rate" ? `${c.label} (%)` : c.label),
  );
  const rows = table.rows.map((row) => columns.map((c) => forPeople(row[c.key], c.kind)));
  return stringify([header, ...rows]);
}

function forPeople(value: CsvValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return csvText(value);
  switch (kind) {
    case "money":
      return units(value);
    case "rate":
      return fixed(value * 100, 2);
    case "ratio":
      return fixed(value, 2);
    default:
      return String(value);
  }
}

/** Cents as currency units with two decimals, by integer arithmetic: 1234567 → "12345.67", -5 → "-0.05". */
export function units(cents: number): string {
  const whole = Math.round(cents);
  const abs = Math.abs(whole);
  return `${whole < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Two places, never "-0.00". */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}
