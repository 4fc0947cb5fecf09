// Answers GET /api/v1/accounts/{externalId} on a given database: the account and its health score.
import type { Db } from "@/db/client";
import { getAccountDetail } from "@/db/queries/accounts";
import { accountHealth } from "@/db/queries/timeline";
import { externalIdParam } from "@/lib/validation/accounts";
import { json, problem } from "./problem";

export async function answerAccount(db: Db, raw: string): Promise<Response> {
  const parsed = externalIdParam.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not an externalId";
    return problem(400, "Invalid path parameter", `externalId: ${message}`, {
      errors: [{ field: "externalId", message }],
    });
  }
  const externalId = parsed.data;
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
}
