// The answers behind the reasons report in the customers' own words: the same period, segment and
// plan as the report (by submittedAt, before asOf), optionally one category and words to find.
import { type SQL, and, count, desc, eq, gte, ilike, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancellationResponses as cr, reasonCategories as c } from "@/db/schema";
import { addMonths } from "@/lib/metrics/months";
import type { MetricsScope } from "@/lib/types/metrics";
import type { VerbatimsFilter, VerbatimsPage } from "@/lib/types/verbatims";
import { NO_ANSWER_REASON } from "@/lib/values";
import { segmentPlanWhere } from "./filters";

/** The reasons report's scope: answers by submittedAt in from..to, before asOf. */
export type VerbatimsScope = MetricsScope;

export const VERBATIMS_PAGE_SIZE = 25;

/** `text` for an ILIKE pattern that matches it literally: `\`, `%` and `_` escaped with `\` (ILIKE's escape). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The words of a search, at most 10, each matched as a whole substring. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 10);
}

function whereOf(scope: VerbatimsScope, filter: VerbatimsFilter): SQL | undefined {
  return and(
    gte(cr.submittedAt, new Date(`${scope.from}-01T00:00:00Z`)),
    lt(cr.submittedAt, new Date(`${addMonths(scope.to, 1)}-01T00:00:00Z`)),
    lt(cr.submittedAt, scope.asOf),
    // A cancel pressed before any reason was chosen says nothing in the customer's words.
    ne(cr.reasonCode, NO_ANSWER_REASON),
    segmentPlanWhere(scope, accounts),
    filter.category ? eq(c.slug, filter.category) : undefined,
    ...searchWords(filter.q).map((word) => ilike(cr.freeText, `%${likeLiteral(word)}%`)),
  );
}

export async function listVerbatims(db: Db, scope: VerbatimsScope, filter: VerbatimsFilter): Promise<VerbatimsPage> {
  const where = whereOf(scope, filter);
  const [counted] = await db
    .select({ n: count() })
    .from(cr)
    .innerJoin(accounts, eq(accounts.id, cr.accountId))
    .innerJoin(c, eq(c.id, cr.categoryId))
    .where(where);
  const total = counted?.n ?? 0;
  const last = Math.max(1, Math.ceil(total / VERBATIMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), last);
  const rows = await db
    .select({
      ref: sql<string>`${cr.accountId} || ':' || ${cr.seq}`,
      submittedAt: cr.submittedAt,
      accountExternalId: accounts.externalId,
      accountName: accounts.name,
      category: c.slug,
      categoryName: c.name,
      reasonCode: cr.reasonCode,
      freeText: cr.freeText,
      competitor: cr.competitor,
      offerShown: cr.offerShown,
      offerAccepted: cr.offerAccepted,
      outcome: cr.outcome,
    })
    .from(cr)
    .innerJoin(accounts, eq(accounts.id, cr.accountId))
    .innerJoin(c, eq(c.id, cr.categoryId))
    .where(where)
    .orderBy(desc(cr.submittedAt), cr.accountId, desc(cr.seq))
    .limit(VERBATIMS_PAGE_SIZE)
    .offset((page - 1) * VERBATIMS_PAGE_SIZE);
  const answers = rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() }));
  return { asOf: scope.asOf.toISOString(), page, pageSize: VERBATIMS_PAGE_SIZE, total, answers };
}
