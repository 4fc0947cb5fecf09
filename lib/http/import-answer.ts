// Answers POST /api/import/{kind} on a given database: one chunk of CSV rows, already mapped to
// items by the import page. Valid rows are written, bad ones reported by index and field.
import type { Db } from "@/db/client";
import { importRows } from "@/db/queries/ingest";
import { IMPORT_KINDS, isImportKind } from "@/lib/import/csv-mapping";
import type { Actor } from "@/lib/types/session";
import { MAX_ITEMS, batchEnvelope, checkItems } from "@/lib/validation/ingest";
import { json, problem } from "./problem";

export async function answerImport(request: Request, db: Db, kind: string, actor: Actor): Promise<Response> {
  if (!isImportKind(kind)) return problem(404, "Not found", `Import kinds are ${IMPORT_KINDS.join(", ")}.`);
  const body = batchEnvelope.safeParse(await request.json().catch(() => null));
  if (!body.success)
    return problem(400, "Invalid body", 'The body must be {"items": [...]}.', {
      errors: [{ field: "items", message: "must be an array" }],
    });
  if (body.data.items.length > MAX_ITEMS)
    return problem(413, "Payload too large", `At most ${MAX_ITEMS} rows per chunk.`);
  return json(await importRows(db, kind, checkItems(kind, body.data.items), actor));
}
