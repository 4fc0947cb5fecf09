// Reads of accounts: the searchable, paged list and one account with its history.
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancellationResponses, reasonCategories, subscriptionEvents, users } from "@/db/schema";
import type { AccountListPage, AccountListQuery } from "@/lib/types/accounts";
import { answerColumns } from "./reasons";
import { likeLiteral } from "./verbatims";

export const PAGE_SIZE = 25;

/** What every view of an account shows. */
const summaryColumns = {
  id: accounts.id,
  externalId: accounts.externalId,
  name: accounts.name,
  domain: accounts.domain,
  plan: accounts.plan,
  segment: accounts.segment,
  status: accounts.status,
  mrrCents: accounts.mrrCents,
};

export async function listAccounts(db: Db, query: AccountListQuery): Promise<AccountListPage> {
  const conditions = [];
  if (query.q) {
    const pattern = `%${likeLiteral(query.q)}%`;
    conditions.push(
      or(ilike(accounts.name, pattern), ilike(accounts.externalId, pattern), ilike(accounts.domain, pattern)),
    );
  }
  if (query.segment) conditions.push(eq(accounts.segment, query.segment));
  if (query.status) conditions.push(eq(accounts.status, query.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...summaryColumns, ownerName: users.name })
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(where)
      .orderBy(desc(accounts.mrrCents), asc(accounts.name), asc(accounts.id))
      .limit(PAGE_SIZE)
      .offset((query.page - 1) * PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(where),
  ]);
  const total = count?.n ?? 0;
  return { rows, total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getAccountDetail(db: Db, externalId: string) {
  const [account] = await db
    .select({
      ...summaryColumns,
      seatsPaid: accounts.seatsPaid,
      trialEndsAt: accounts.trialEndsAt,
      createdAt: accounts.createdAt,
      ownerName: users.name,
      ownerEmail: users.email,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(eq(accounts.externalId, externalId))
    .limit(1);
  if (!account) return null;
  const [events, responses] = await Promise.all([
    db
      .select({
        seq: subscriptionEvents.seq,
        occurredAt: subscriptionEvents.occurredAt,
        type: subscriptionEvents.type,
        mrrAfterCents: subscriptionEvents.mrrAfterCents,
        externalId: subscriptionEvents.externalId,
      })
      .from(subscriptionEvents)
      .where(eq(subscriptionEvents.accountId, account.id))
      .orderBy(desc(subscriptionEvents.occurredAt), desc(subscriptionEvents.seq)),
    db
      .select(answerColumns)
      .from(cancellationResponses)
      .innerJoin(reasonCategories, eq(reasonCategories.id, cancellationResponses.categoryId))
      .where(eq(cancellationResponses.accountId, account.id))
      .orderBy(desc(cancellationResponses.submittedAt)),
  ]);
  return { ...account, events, responses };
}
