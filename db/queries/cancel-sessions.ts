// A cancel session's life (SPEC §7): made by the customer's backend (or by "Preview as account…"),
// walked by the customer on the public page one step at a time (cancel-session-steps.ts), and ended
// once — `saved` or `canceled` by the customer (cancel-session-finish.ts), `expired` or `abandoned`
// by a job (below). A preview session writes, queues and counts nothing.
import { createId } from "@paralleldrive/cuid2";
import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { markHealthStale } from "./health-stale";
import { variantFor } from "@/lib/metrics/variant";
import { accounts, cancelSessions } from "@/db/schema";
import { matchFlowVersion } from "./cancel-flow-match";
import { CANCEL_LINK_HOURS, hashCancelToken, newCancelToken } from "./cancel-session-load";

export * from "./cancel-session-load";
export { type CancelAction, type CancelStepResult, applyCancelAction, openCancelSession } from "./cancel-session-steps";

const HOUR_MS = 3_600_000;
export interface CreateCancelSessionInput {
  accountExternalId: string;
  userRef?: string | null | undefined;
  email?: string | null | undefined;
  returnUrl: string;
  locale: string;
  flowId?: string | undefined;
}

export interface CreatedCancelSession {
  id: string;
  /** The URL's secret: returned once, stored only as its hash. */
  token: string;
  expiresAt: Date;
  flowVersion: number;
}

export type CreateCancelSessionResult =
  { ok: true; session: CreatedCancelSession } | { ok: false; reason: "unknown-account" | "unknown-flow" | "no-flow" };

/**
 * Makes a session on the flow version that matches the account and locale (or `flowId`'s newest).
 * `by` says who asked: an API key, or an admin's preview (which is never counted).
 */
export async function createCancelSession(
  db: Db,
  input: CreateCancelSessionInput,
  by: { apiKeyId?: string | null; userId?: string | null; preview: boolean },
  options: { now?: Date; minutes: number },
): Promise<CreateCancelSessionResult> {
  const now = options.now ?? new Date();
  const [account] = await db
    .select({ id: accounts.id, segment: accounts.segment, plan: accounts.plan })
    .from(accounts)
    .where(eq(accounts.externalId, input.accountExternalId));
  if (!account) return { ok: false, reason: "unknown-account" };
  const version = await matchFlowVersion(db, account, input.locale, input.flowId);
  if (!version) return { ok: false, reason: input.flowId === undefined ? "no-flow" : "unknown-flow" };
  const id = `cs_${createId()}`;
  const experiment = version.content.experiment;
  const token = newCancelToken();
  const expiresAt = new Date(now.getTime() + options.minutes * 60_000);
  await db.insert(cancelSessions).values({
    id,
    tokenHash: hashCancelToken(token),
    accountId: account.id,
    flowVersionId: version.id,
    locale: input.locale,
    returnUrl: input.returnUrl,
    userRef: input.userRef ?? null,
    email: input.email ?? null,
    step: version.content.showLoss ? "loss" : "reason",
    variant: experiment ? variantFor(id, experiment.shareB) : null,
    preview: by.preview,
    apiKeyId: by.apiKeyId ?? null,
    createdBy: by.userId ?? null,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, session: { id, token, expiresAt, flowVersion: version.version } };
}

/**
 * The job's sweep: sessions never opened by `expiresAt` become `expired`; sessions opened more than
 * 24 h ago and not ended become `abandoned`. Neither writes an answer. Returns how many of each.
 */
export async function endStaleCancelSessions(
  db: Db,
  now: Date = new Date(),
): Promise<{ expired: number; abandoned: number }> {
  const expired = await db
    .update(cancelSessions)
    .set({ status: "expired", endedAt: now })
    .where(and(eq(cancelSessions.status, "open"), isNull(cancelSessions.openedAt), lte(cancelSessions.expiresAt, now)))
    .returning({ id: cancelSessions.id });
  const abandoned = await db
    .update(cancelSessions)
    .set({ status: "abandoned", endedAt: now })
    .where(
      and(
        eq(cancelSessions.status, "open"),
        isNotNull(cancelSessions.openedAt),
        lte(cancelSessions.openedAt, new Date(now.getTime() - CANCEL_LINK_HOURS * HOUR_MS)),
      ),
    )
    .returning({ id: cancelSessions.id, accountId: cancelSessions.accountId, preview: cancelSessions.preview });
  // The visit's words in the health score change from "has not finished" to "left without choosing".
  await markHealthStale(
    db,
    abandoned.filter((a) => !a.preview).map((a) => a.accountId),
    now,
  );
  return { expired: expired.length, abandoned: abandoned.length };
}
