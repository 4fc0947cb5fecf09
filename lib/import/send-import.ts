// Sends the rows of an import in chunks to POST /api/import/{kind} and gathers the answers: the
// server's problems are mapped back to the file's lines.
import { z } from "zod";
import type { ImportKind } from "./csv-mapping";

const CHUNK = 500;

/** A problem with one line of the file (the header is line 1). */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  accepted: number;
  skipped: number;
  errors: RowError[];
}

const chunkAnswer = z.object({
  accepted: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ item: z.number(), field: z.string(), message: z.string() })),
});
const problemAnswer = z.object({ detail: z.string().optional() });

/**
 * Sends `rows` in order; stops at the first chunk the server refuses (calling `onFailure` with
 * why) and returns what was imported, with `known` problems and the server's, by line.
 */
export async function sendImport(
  kind: ImportKind,
  rows: { item: Record<string, unknown>; line: number }[],
  known: RowError[],
  on: { progress: (done: number, total: number) => void; failure: (message: string) => void },
): Promise<ImportResult> {
  const total = rows.length;
  const errors: RowError[] = [...known];
  let accepted = 0;
  let skipped = 0;
  on.progress(0, total);
  for (let start = 0; start < total; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const response = await fetch(`/api/import/${kind}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ items: chunk.map((c) => c.item) }),
    });
    if (!response.ok) {
      const body = problemAnswer.safeParse(await response.json().catch(() => null));
      on.failure(
        `The import stopped at line ${chunk[0]?.line}: ${(body.success ? body.data.detail : undefined) ?? response.statusText}. Rows before it are imported; run the same file again to finish — imported rows are skipped.`,
      );
      break;
    }
    const body = chunkAnswer.parse(await response.json());
    accepted += body.accepted;
    skipped += body.skipped;
    for (const e of body.errors) errors.push({ line: chunk[e.item]?.line ?? 0, field: e.field, message: e.message });
    on.progress(Math.min(total, start + chunk.length), total);
  }
  return { accepted, skipped, errors: errors.sort((a, b) => a.line - b.line) };
}
