// Writes a generated data set into an empty database in one transaction, in bulk.
import { hash } from "@node-rs/argon2";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type BulkColumn, bulkInsert } from "@/db/bulk";
import type { Db } from "@/db/client";
import { bulkColumn } from "@/db/queries/bulk-columns";
import { refreshDerived } from "@/db/queries/rollups";
import {
  accounts,
  alertRules,
  activityFeatureMonths,
  activityUserMonths,
  cancelFlowVersions,
  cancelFlows,
  cancelSessions,
  cancellationResponses,
  healthSettings,
  reasonCodeDefaults,
  signals,
  subscriptionEvents,
  users,
} from "@/db/schema";
import { runAlertRule } from "@/db/queries/alert-round";
import { recomputeHealth } from "@/db/queries/health";
import type { AccountRow, Dataset, EventRow, FeatureMonthRow, ResponseRow, SignalRow, UserMonthRow } from "./types";

async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password);
}

export async function loadDataset(db: Db, data: Dataset): Promise<void> {
  const staff = await Promise.all(
    data.users.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );
  await db.transaction(async (tx) => {
    const defaults = await tx
      .select({ reasonCode: reasonCodeDefaults.reasonCode, categoryId: reasonCodeDefaults.categoryId })
      .from(reasonCodeDefaults);
    const categoryOf = new Map(defaults.map((d) => [d.reasonCode, d.categoryId]));
    if (staff.length > 0) await tx.insert(users).values(staff);
    await bulkInsert<AccountRow>(
      tx,
      accounts,
      [
        bulkColumn(accounts.id, (a) => a.id),
        bulkColumn(accounts.externalId, (a) => a.externalId),
        bulkColumn(accounts.name, (a) => a.name),
        bulkColumn(accounts.domain, (a) => a.domain),
        bulkColumn(accounts.plan, (a) => a.plan),
        bulkColumn(accounts.segment, (a) => a.segment),
        bulkColumn(accounts.seatsPaid, (a) => a.seatsPaid),
        bulkColumn(accounts.ownerId, (a) => a.ownerId),
        bulkColumn(accounts.trialEndsAt, (a) => a.trialEndsAt),
        bulkColumn(accounts.createdAt, (a) => a.createdAt),
        bulkColumn(accounts.updatedAt, (a) => a.updatedAt),
      ],
      data.accounts,
    );
    // Sorted by time so arrival order (seq) matches the order the events apply in.
    const events = [...data.events].sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.accountId.localeCompare(b.accountId),
    );
    await bulkInsert<EventRow>(
      tx,
      subscriptionEvents,
      [
        bulkColumn(subscriptionEvents.accountId, (e) => e.accountId),
        bulkColumn(subscriptionEvents.externalId, (e) => e.externalId),
        bulkColumn(subscriptionEvents.occurredAt, (e) => e.occurredAt),
        bulkColumn(subscriptionEvents.type, (e) => e.type),
        bulkColumn(subscriptionEvents.mrrAfterCents, (e) => e.mrrAfterCents),
        bulkColumn(subscriptionEvents.receivedAt, (e) => e.receivedAt),
      ],
      events,
    );
    await bulkInsert<SignalRow>(
      tx,
      signals,
      [
        bulkColumn(signals.accountId, (s) => s.accountId),
        bulkColumn(signals.kind, (s) => s.kind),
        bulkColumn(signals.occurredAt, (s) => s.occurredAt),
        bulkColumn(signals.score, (s) => s.score),
        bulkColumn(signals.comment, (s) => s.comment),
        bulkColumn(signals.receivedAt, (s) => s.receivedAt),
      ],
      data.signals,
    );
    await bulkInsert<ResponseRow>(
      tx,
      cancellationResponses,
      [
        bulkColumn(cancellationResponses.accountId, (r) => r.accountId),
        bulkColumn(cancellationResponses.externalId, (r) => r.externalId),
        bulkColumn(cancellationResponses.submittedAt, (r) => r.submittedAt),
        bulkColumn(cancellationResponses.reasonCode, (r) => r.reasonCode),
        bulkColumn(cancellationResponses.freeText, (r) => r.freeText),
        bulkColumn(cancellationResponses.competitor, (r) => r.competitor),
        bulkColumn(cancellationResponses.offerShown, (r) => r.offerShown),
        bulkColumn(cancellationResponses.offerAccepted, (r) => r.offerAccepted),
        bulkColumn(cancellationResponses.outcome, (r) => r.outcome),
        bulkColumn(cancellationResponses.categoryId, (r) => categoryOf.get(r.reasonCode) ?? "cat_uncategorized"),
        bulkColumn(cancellationResponses.receivedAt, (r) => r.receivedAt),
      ],
      data.responses,
    );
    const rollup = <R extends UserMonthRow | FeatureMonthRow>(
      table: typeof activityUserMonths | typeof activityFeatureMonths,
      key: (r: R) => string,
      keyColumn: PgColumn,
    ): BulkColumn<R>[] => [
      bulkColumn(table.accountId, (r: R) => r.accountId),
      bulkColumn(table.month, (r: R) => r.month),
      bulkColumn(keyColumn, key),
      bulkColumn(table.activeDays, (r: R) => r.activeDays),
      bulkColumn(table.events, (r: R) => r.events),
    ];
    await bulkInsert(
      tx,
      activityUserMonths,
      rollup(activityUserMonths, (r: UserMonthRow) => r.userRef, activityUserMonths.userRef),
      data.userMonths,
    );
    await bulkInsert(
      tx,
      activityFeatureMonths,
      rollup(activityFeatureMonths, (r: FeatureMonthRow) => r.feature, activityFeatureMonths.feature),
      data.featureMonths,
    );
    await loadCancelFlow(tx, data);
    await refreshDerived(tx);
    await tx
      .insert(healthSettings)
      .values({ id: 1, ...data.health })
      .onConflictDoNothing();
  });
  await recomputeHealth(db, data.anchor);
  // The rules' first round, at the anchor: firings, items and the demo users' inboxes.
  if (data.alertRules.length > 0) {
    await db.insert(alertRules).values(data.alertRules);
    for (const rule of data.alertRules) await runAlertRule(db, rule, data.anchor);
  }
}

/** Rows per statement: a session has 24 columns, and a statement takes at most 65,535 parameters. */
const SESSION_CHUNK = 2000;

/** The flows and their versions (a handful), then the sessions in a few multi-row statements. */
async function loadCancelFlow(tx: Db, data: Dataset): Promise<void> {
  if (data.cancelFlows.length > 0) await tx.insert(cancelFlows).values(data.cancelFlows);
  if (data.cancelFlowVersions.length > 0) await tx.insert(cancelFlowVersions).values(data.cancelFlowVersions);
  for (let i = 0; i < data.cancelSessions.length; i += SESSION_CHUNK) {
    await tx.insert(cancelSessions).values(data.cancelSessions.slice(i, i + SESSION_CHUNK));
  }
}

/** True when the database holds no accounts and no users yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [accountCount, userCount] = await Promise.all([db.$count(accounts), db.$count(users)]);
  return accountCount + userCount === 0;
}
