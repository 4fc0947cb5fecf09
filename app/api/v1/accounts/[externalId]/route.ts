// GET /api/v1/accounts/{externalId} — one account in the SPEC §5 shape (health arrives with scoring).
import { getDb } from "@/db/client";
import { getAccountDetail } from "@/db/queries/accounts";
import { withApiKey } from "@/lib/auth/route";
import { json, problem } from "@/lib/http/problem";

export const GET = withApiKey<{ params: Promise<{ externalId: string }> }>(
  "read",
  async (_request, { params }) => {
  const { externalId } = await params;
  const account = await getAccountDetail(await getDb(), externalId);
  if (!account) return problem(404, "Not found", `No account with externalId ${externalId}.`);
  return json({
    externalId: account.externalId,
    name: account.name,
    plan: account.plan,
    segment: account.segment,
    seatsPaid: account.seatsPaid,
    status: account.status,
    mrrCents: account.mrrCents,
    health: null,
  });
  },
  "cs",
);
