// What is wrong with one import row, worded as the server words it (db/queries/ingest/validate.ts):
// the field's path and the schema's message, so the preview says before sending what the import
// would answer after.
import { INGEST_RESOURCES } from "@/lib/validation/ingest";
import type { ImportKind } from "./csv-mapping";

export interface RowProblem {
  field: string;
  message: string;
}

export function rowProblems(kind: ImportKind, item: Record<string, unknown>): RowProblem[] {
  const check = INGEST_RESOURCES[kind].safeParse(item);
  if (check.success) return [];
  return check.error.issues.map((issue) => ({ field: issue.path.join(".") || "(item)", message: issue.message }));
}
