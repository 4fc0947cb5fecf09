// GET /api/v1/cancel-sessions/{id} — one cancel session as the webhook carries it: an API key with the
// cancel or read scope, or a signed-in staff member.
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { answerCancelSession } from "@/lib/http/cancel-sessions-answer";

export const GET = withApiKey<{ params: Promise<{ id: string }> }>(
  ["cancel", "read"],
  async (_request, { params }) => answerCancelSession(await getDb(), (await params).id),
  "cs",
);
