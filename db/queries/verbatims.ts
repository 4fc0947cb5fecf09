// The answers behind the reasons report in the customers' own words: the same period, segment and
// plan as the report (by submittedAt, before asOf), optionally one category and words to find.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { type Month, addMonths } from "@/lib/metrics/months";
import type { Verbatim, VerbatimsPage } from "@/lib/types/verbatims";
import { type AccountFilter, segmentPlanWhere } from "./filters";

/** The reasons report's scope (a MetricsScope): answers by submittedAt in from..to, before asOf. */
export interface VerbatimsScope extends AccountFilter {
  asOf: Date;
  from: Month;
  to: Month;
}

export const VERBATIMS_PAGE_SIZE = 25;

export interface VerbatimsFilter {
  /** A category's slug; all categories when absent. */
  category?: string;
  /** Words that must all appear in the answer's text (case-insensitive, `%` and `_` as themselves). */
  q?: string;
  page: number;
}

/** `text` for an ILIKE pattern that matches it literally: `\`, `%` and `_` escaped with `\`. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a search, at most 10, each matched as a whole substring. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 10);
}

function whereOf(scope: VerbatimsScope, filter: VerbatimsFilter): SQL {
  const where: SQL[] = [
    sql`cr.submitted_at >= ${`${scope.from}-01T00:00:00Z`}`,
    sql`cr.submitted_at < ${`${addMonths(scope.to, 1)}-01T00:00:00Z`}`,
    sql`cr.submitted_at < ${scope.asOf.toISOString()}`,
    segmentPlanWhere(scope, "a"),
  ];
  if (filter.category) where.push(sql`c.slug = ${filter.category}`);
  for (const word of searchWords(filter.q))
    where.push(sql`cr.free_text ilike ${`%${likeLiteral(word)}%`} escape ${"\\"}`);
  return sql.join(where, sql` and `);
}

export async function listVerbatims(db: Db, scope: VerbatimsScope, filter: VerbatimsFilter): Promise<VerbatimsPage> {
  const where = whereOf(scope, filter);
  const from = sql`from cancellation_responses cr
    join accounts a on a.id = cr.account_id
    join reason_categories c on c.id = cr.category_id`;
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`);
  const total = count?.n ?? 0;
  const last = Math.max(1, Math.ceil(total / VERBATIMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), last);
  const rows = await queryRows<{
    ref: string;
    submitted_at: Date | string;
    external_id: string;
    account_name: string;
    slug: string;
    category_name: string;
    reason_code: string;
    free_text: string | null;
    competitor: string | null;
    offer_shown: string;
    offer_accepted: boolean;
    outcome: string;
  }>(
    db,
    sql`select cr.account_id || ':' || cr.seq as ref, cr.submitted_at, a.external_id, a.name as account_name,
          c.slug, c.name as category_name, cr.reason_code, cr.free_text, cr.competitor,
          cr.offer_shown::text as offer_shown, cr.offer_accepted, cr.outcome::text as outcome
        ${from}
        where ${where}
        order by cr.submitted_at desc, cr.account_id, cr.seq desc
        limit ${VERBATIMS_PAGE_SIZE} offset ${(page - 1) * VERBATIMS_PAGE_SIZE}`,
  );
  const answers: Verbatim[] = rows.map((r) => ({
    ref: r.ref,
    submittedAt: new Date(r.submitted_at).toISOString(),
    accountExternalId: r.external_id,
    accountName: r.account_name,
    category: r.slug,
    categoryName: r.category_name,
    reasonCode: r.reason_code,
    freeText: r.free_text,
    competitor: r.competitor,
    offerShown: r.offer_shown,
    offerAccepted: r.offer_accepted,
    outcome: r.outcome,
  }));
  return { asOf: scope.asOf.toISOString(), page, pageSize: VERBATIMS_PAGE_SIZE, total, answers };
}
