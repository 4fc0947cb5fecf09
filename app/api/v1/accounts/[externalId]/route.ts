// GET /api/v1/accounts/{externalId} — one account in the shape of docs/api.md, with its health score.
import { getDb } from "@/db/client";
import { getAccountDetail } from "@/db/queries/accounts";
import { accountHealth } from "@/db/queries/timeline";
import { withApiKey } from "@/lib/auth/route";
import { json, problem } from "@/lib/http/problem";

export const GET = withApiKey<{ params: Promise<{ externalId: string }> }>(
  "read",
  async (_request, { params }) => {
    const { externalId } = await params;
    const db = await getDb();
    const account = await getAccountDetail(db, externalId);
    if (!account) return problem(404, "Not found", `No account with externalId ${externalId}.`);
    const health = await accountHealth(db, account.id);
    return json({
      externalId: account.externalId,
      name: account.name,
      plan: account.plan,
      segment: account.segment,
      seatsPaid: account.seatsPaid,
      status: account.status,
      mrrCents: account.mrrCents,
      health: health && {
        score: health.score,
        components: health.components.map((c) => ({ name: c.name, value: c.value, weight: c.weight })),
        reasons: health.reasons,
      },
    });
  },
  "cs",
);
