// What is wrong with one import row, worded as the server words it (checkItems, which the import
// route runs): the field's path and the schema's message, so the preview says before sending what
// the import would answer after.
import { checkItems } from "@/lib/validation/ingest";
import type { ImportKind } from "./csv-mapping";

export interface RowProblem {
  field: string;
  message: string;
}

export function rowProblems(kind: ImportKind, item: Record<string, unknown>): RowProblem[] {
  return checkItems(kind, [item]).refused.map(({ field, message }) => ({ field, message }));
}
