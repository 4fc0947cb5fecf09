// GET /api/v1/accounts/{externalId} — one account in the shape of docs/api.md, with its health score.
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { answerAccount } from "@/lib/http/account-answer";

export const GET = withApiKey<{ params: Promise<{ externalId: string }> }>(
  "read",
  async (_request, { params }) => answerAccount(await getDb(), (await params).externalId),
  "cs",
);
