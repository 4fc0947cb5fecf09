// POST /api/import/{kind} — one chunk of CSV rows, already mapped to items by the import page.
// Managers and admins; valid rows are written, bad ones reported by index and field.
import { getDb } from "@/db/client";
import { withUser } from "@/lib/auth/route";
import { answerImport } from "@/lib/http/import-answer";

export const POST = withUser<{ params: Promise<{ kind: string }> }>("manager", async (request, { params }, user) =>
  answerImport(request, await getDb(), (await params).kind, { type: "user", id: user.id, label: user.email }),
);
