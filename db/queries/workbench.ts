// The categorizing workbench's reads: answers paged and searched on the server with the rule that
// suggests a category for each, the reason codes of a category, and one answer's filing history.
import { type SQL, and, asc, count, desc, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  accounts,
  answerFilings,
  cancellationResponses,
  categorizationRules,
  reasonCategories,
  subscriptionEvents,
} from "@/db/schema";
import type { AnswerFiling, ReasonCodeCount, WorkbenchAnswer, WorkbenchFilters } from "@/lib/types/workbench";
import { UNCATEGORIZED } from "./taxonomy";
import { answerRef, givesReason } from "./workbench-filing";

export const WORKBENCH_PAGE_SIZE = 50;

const answers = cancellationResponses;
const rules = categorizationRules;

/** The first live rule matching an answer, as a lateral subquery. */
function suggestion(db: Db) {
  const suggested = alias(reasonCategories, "suggested");
  return db
    .select({ ruleId: rules.id, categoryId: rules.categoryId, categoryName: suggested.name })
    .from(rules)
    .innerJoin(suggested, eq(suggested.id, rules.categoryId))
    .where(
      and(
        isNull(rules.archivedAt),
        isNull(suggested.archivedAt),
        ne(rules.categoryId, answers.categoryId),
        or(isNull(rules.reasonCode), eq(rules.reasonCode, answers.reasonCode)),
        sql`case when ${rules.matchKind} = 'regex' then coalesce(${answers.freeText}, '') ~* ${rules.pattern}
                 else position(lower(${rules.pattern}) in lower(coalesce(${answers.freeText}, ''))) > 0 end`,
      ),
    )
    .orderBy(asc(rules.createdAt), asc(rules.id))
    .limit(1)
    .as("s");
}

/** The account's MRR just before the answer: its last subscription event's. */
function mrrBefore(db: Db) {
  const last = db
    .select({ mrr: subscriptionEvents.mrrAfterCents })
    .from(subscriptionEvents)
    .where(
      and(eq(subscriptionEvents.accountId, answers.accountId), lt(subscriptionEvents.occurredAt, answers.submittedAt)),
    )
    .orderBy(desc(subscriptionEvents.occurredAt), desc(subscriptionEvents.seq))
    .limit(1);
  return sql<number>`coalesce((${last}), 0)`.mapWith(Number);
}

export async function listAnswers(
  db: Db,
  filters: WorkbenchFilters,
): Promise<{ rows: WorkbenchAnswer[]; total: number }> {
  const where: (SQL | undefined)[] = [eq(answers.categoryId, filters.category), givesReason];
  if (filters.q)
    where.push(
      or(
        sql`position(lower(${filters.q}) in lower(coalesce(${answers.freeText}, ''))) > 0`,
        sql`lower(${accounts.name}) = lower(${filters.q})`,
        eq(accounts.externalId, filters.q),
      ),
    );
  if (filters.code) where.push(eq(answers.reasonCode, filters.code));
  const cond = and(...where);
  const [counted] = await db
    .select({ n: count() })
    .from(answers)
    .innerJoin(accounts, eq(accounts.id, answers.accountId))
    .where(cond);
  const s = suggestion(db);
  const rows = await db
    .select({
      ref: answerRef,
      submittedAt: answers.submittedAt,
      reasonCode: answers.reasonCode,
      freeText: answers.freeText,
      competitor: answers.competitor,
      outcome: answers.outcome,
      externalId: accounts.externalId,
      accountName: accounts.name,
      categoryId: answers.categoryId,
      regrettableOverride: answers.regrettableOverride,
      categoryRegrettable: reasonCategories.regrettable,
      mrrCents: mrrBefore(db),
      ruleId: s.ruleId,
      suggestedId: s.categoryId,
      suggestedName: s.categoryName,
    })
    .from(answers)
    .innerJoin(accounts, eq(accounts.id, answers.accountId))
    .innerJoin(reasonCategories, eq(reasonCategories.id, answers.categoryId))
    .leftJoinLateral(s, sql`true`)
    .where(cond)
    .orderBy(desc(answers.submittedAt), asc(answers.accountId), asc(answers.seq))
    .limit(WORKBENCH_PAGE_SIZE)
    .offset((filters.page - 1) * WORKBENCH_PAGE_SIZE);
  return {
    total: counted?.n ?? 0,
    rows: rows.map(({ categoryRegrettable, ruleId, suggestedId, suggestedName, ...r }) => {
      const unfiled = r.categoryId === UNCATEGORIZED;
      return {
        ...r,
        submittedAt: r.submittedAt.toISOString(),
        regrettable: unfiled ? null : (r.regrettableOverride ?? categoryRegrettable),
        regrettableOverride: unfiled ? null : r.regrettableOverride,
        suggestion:
          ruleId && suggestedId && suggestedName
            ? { ruleId, categoryId: suggestedId, categoryName: suggestedName }
            : null,
      };
    }),
  };
}

/** The reason codes of a category's answers, the most frequent first. */
export async function reasonCodesIn(db: Db, categoryId: string): Promise<ReasonCodeCount[]> {
  return db
    .select({ code: answers.reasonCode, n: count() })
    .from(answers)
    .where(and(eq(answers.categoryId, categoryId), givesReason))
    .groupBy(answers.reasonCode)
    .orderBy(desc(count()))
    .limit(50);
}

/** One answer's filings, oldest first, with category names. */
export async function answerHistory(db: Db, ref: string): Promise<AnswerFiling[]> {
  const from = alias(reasonCategories, "cf");
  const to = alias(reasonCategories, "ct");
  const rows = await db
    .select({
      at: answerFilings.at,
      from: from.name,
      to: to.name,
      version: answerFilings.taxonomyVersion,
      cause: answerFilings.cause,
      by: answerFilings.actorLabel,
    })
    .from(answerFilings)
    .innerJoin(from, eq(from.id, answerFilings.fromCategoryId))
    .innerJoin(to, eq(to.id, answerFilings.toCategoryId))
    .where(
      and(
        eq(answerFilings.accountId, ref.slice(0, ref.lastIndexOf(":"))),
        // The arrival number as text: PostgreSQL reads all its digits.
        eq(answerFilings.responseSeq, sql<number>`${ref.slice(ref.lastIndexOf(":") + 1)}::bigint`),
      ),
    )
    .orderBy(asc(answerFilings.id));
  return rows.map((h) => ({ ...h, at: h.at.toISOString() }));
}
