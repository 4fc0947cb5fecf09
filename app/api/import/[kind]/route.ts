// POST /api/import/{kind} — one chunk of CSV rows, already mapped to items by the import page.
// Managers and admins; valid rows are written, bad ones reported by index and field.
import { getDb } from "@/db/client";
import { importRows } from "@/db/queries/ingest";
import { withUser } from "@/lib/auth/route";
import { json, problem } from "@/lib/http/problem";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/csv-mapping";
import { MAX_ITEMS, batchEnvelope } from "@/lib/validation/ingest";

export const POST = withUser<{ params: Promise<{ kind: string }> }>("manager", async (request, { params }, user) => {
  const { kind } = await params;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    return problem(404, "Not found", `Import kinds are ${IMPORT_KINDS.join(", ")}.`);
  const body = batchEnvelope.safeParse(await request.json().catch(() => null));
  if (!body.success)
    return problem(400, "Invalid body", 'The body must be {"items": [...]}.', {
      errors: [{ field: "items", message: "must be an array" }],
    });
  if (body.data.items.length > MAX_ITEMS)
    return problem(413, "Payload too large", `At most ${MAX_ITEMS} rows per chunk.`);
  const outcome = await importRows(await getDb(), kind as ImportKind, body.data.items, {
    type: "user",
    id: user.id,
    label: user.email,
  });
  return json(outcome);
});
