// The categorizing workbench: answers paged and searched on the server, filed into categories by
// hand or by rules, with the regrettable flag overridable per answer.
import { type SQL, and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { categorizationRules, reasonCategories } from "@/db/schema";
import type { MatchInput, WorkbenchFilters } from "@/lib/validation/taxonomy";
import { type Actor, recordAudit } from "./audit";
import { TaxonomyError, UNCATEGORIZED, checkPattern, currentTaxonomyVersion, matchWhere, refile } from "./taxonomy";

export const WORKBENCH_PAGE_SIZE = 50;

export interface WorkbenchAnswer {
  ref: string;
  submittedAt: string;
  reasonCode: string;
  freeText: string | null;
  competitor: string | null;
  outcome: string;
  externalId: string;
  accountName: string;
  mrrCents: number;
  categoryId: string;
  /** Null for an answer in Uncategorized: not yet filed, so neither regrettable nor not. */
  regrettable: boolean | null;
  regrettableOverride: boolean | null;
  suggestion: { ruleId: string; categoryId: string; categoryName: string } | null;
}

function refsWhere(refs: string[]): SQL {
  const accounts = refs.map((r) => r.slice(0, r.lastIndexOf(":")));
  const seqs = refs.map((r) => r.slice(r.lastIndexOf(":") + 1));
  return sql`(r.account_id, r.seq) in (select a, s from unnest(${sql.param(accounts)}::text[], ${sql.param(seqs)}::text[]::bigint[]) as x(a, s))`;
}

/** The first live rule matching an answer `r`, as a lateral subquery. */
const SUGGESTION = sql`
  select ru.id, ru.category_id, c.name from categorization_rules ru join reason_categories c on c.id = ru.category_id
  where ru.archived_at is null and c.archived_at is null and ru.category_id <> r.category_id
    and (ru.reason_code is null or ru.reason_code = r.reason_code)
    and case when ru.match_kind = 'regex' then coalesce(r.free_text, '') ~* ru.pattern
             else position(lower(ru.pattern) in lower(coalesce(r.free_text, ''))) > 0 end
  order by ru.created_at, ru.id limit 1`;

export async function listAnswers(
  db: Db,
  filters: WorkbenchFilters,
): Promise<{ rows: WorkbenchAnswer[]; total: number }> {
  const where: SQL[] = [sql`r.category_id = ${filters.category}`];
  if (filters.q)
    where.push(
      sql`(position(lower(${filters.q}) in lower(coalesce(r.free_text, ''))) > 0 or lower(a.name) = lower(${filters.q}) or a.external_id = ${filters.q})`,
    );
  if (filters.code) where.push(sql`r.reason_code = ${filters.code}`);
  const cond = sql.join(where, sql` and `);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cancellation_responses r join accounts a on a.id = r.account_id where ${cond}`,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select r.account_id || ':' || r.seq as ref, r.submitted_at, r.reason_code, r.free_text, r.competitor, r.outcome::text as outcome,
      a.external_id, a.name as account_name, r.category_id, r.regrettable_override, c.regrettable,
      coalesce((select e.mrr_after_cents from subscription_events e where e.account_id = r.account_id and e.occurred_at < r.submitted_at
                order by e.occurred_at desc, e.seq desc limit 1), 0) as mrr_cents,
      s.id as rule_id, s.category_id as suggested_id, s.name as suggested_name
    from cancellation_responses r
      join accounts a on a.id = r.account_id
      join reason_categories c on c.id = r.category_id
      left join lateral (${SUGGESTION}) s on true
    where ${cond}
    order by r.submitted_at desc, r.account_id, r.seq
    limit ${WORKBENCH_PAGE_SIZE} offset ${(filters.page - 1) * WORKBENCH_PAGE_SIZE}
  `,
  );
  return {
    total: count?.n ?? 0,
    rows: rows.map((r) => ({
      ref: r.ref as string,
      submittedAt: new Date(r.submitted_at as string).toISOString(),
      reasonCode: r.reason_code as string,
      freeText: r.free_text as string | null,
      competitor: r.competitor as string | null,
      outcome: r.outcome as string,
      externalId: r.external_id as string,
      accountName: r.account_name as string,
      mrrCents: Number(r.mrr_cents),
      categoryId: r.category_id as string,
      regrettable:
        r.category_id === UNCATEGORIZED
          ? null
          : ((r.regrettable_override as boolean | null) ?? (r.regrettable as boolean | null)),
      regrettableOverride: r.category_id === UNCATEGORIZED ? null : (r.regrettable_override as boolean | null),
      suggestion: r.rule_id
        ? {
            ruleId: r.rule_id as string,
            categoryId: r.suggested_id as string,
            categoryName: r.suggested_name as string,
          }
        : null,
    })),
  };
}

async function liveTarget(tx: Db, categoryId: string) {
  const [c] = await tx
    .select()
    .from(reasonCategories)
    .where(and(eq(reasonCategories.id, categoryId), isNull(reasonCategories.archivedAt)));
  if (!c) throw new TaxonomyError("categoryId", "No such category, or it is archived.");
  return c;
}

export async function fileAnswers(
  db: Db,
  refs: string[],
  categoryId: string,
  actor: Actor,
): Promise<{ filed: number }> {
  return db.transaction(async (tx) => {
    const target = await liveTarget(tx, categoryId);
    const filed = await refile(tx, refsWhere(refs), categoryId, await currentTaxonomyVersion(tx), "file", actor);
    // An answer put back in Uncategorized is not yet filed: an override it had no longer applies.
    if (categoryId === UNCATEGORIZED)
      await tx.execute(
        sql`update cancellation_responses r set regrettable_override = null where ${refsWhere(refs)} and r.category_id = ${UNCATEGORIZED}`,
      );
    await recordAudit(tx, actor, {
      action: "answers.file",
      entityType: "cancellation_response",
      entityId: null,
      after: { refs, categoryId, category: target.name, filed },
    });
    return { filed };
  });
}

export async function setRegrettable(
  db: Db,
  refs: string[],
  regrettable: boolean | null,
  actor: Actor,
): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const before = await queryRows<{ ref: string; v: boolean | null }>(
      tx,
      sql`select r.account_id || ':' || r.seq as ref, r.regrettable_override as v from cancellation_responses r where ${refsWhere(refs)}`,
    );
    // Only a filed answer has a flag: the write leaves answers in Uncategorized alone, and a batch
    // holding one is refused whole (the transaction rolls back).
    const changed = await queryRows<{ ref: string }>(
      tx,
      sql`update cancellation_responses r set regrettable_override = ${regrettable}
          where ${refsWhere(refs)} and r.category_id <> ${UNCATEGORIZED}
          returning r.account_id || ':' || r.seq as ref`,
    );
    if (changed.length < before.length)
      throw new TaxonomyError(
        "refs",
        before.length - changed.length === 1 && before.length === 1
          ? "This answer is not yet filed: file it into a category first; its regrettable flag comes from there."
          : `${before.length - changed.length} of these answers are not yet filed: file them into a category first; nothing was changed.`,
      );
    await recordAudit(tx, actor, {
      action: "answers.regrettable",
      entityType: "cancellation_response",
      entityId: null,
      before,
      after: { refs, regrettableOverride: regrettable },
    });
    return { changed: changed.length };
  });
}

export interface RulePreview {
  count: number;
  sample: { ref: string; freeText: string | null; reasonCode: string }[];
}

/** What a rule would file: the uncategorized answers it matches, counted, and a sample. */
export async function previewRule(db: Db, match: MatchInput): Promise<RulePreview> {
  await checkPattern(db, match);
  const where = sql`r.category_id = ${UNCATEGORIZED} and ${matchWhere(match)}`;
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cancellation_responses r where ${where}`,
  );
  const sample = await queryRows<{ ref: string; free_text: string | null; reason_code: string }>(
    db,
    sql`select r.account_id || ':' || r.seq as ref, r.free_text, r.reason_code from cancellation_responses r where ${where} order by r.submitted_at desc limit 5`,
  );
  return {
    count: count?.n ?? 0,
    sample: sample.map((s) => ({ ref: s.ref, freeText: s.free_text, reasonCode: s.reason_code })),
  };
}

export async function createRule(db: Db, match: MatchInput, categoryId: string, actor: Actor): Promise<{ id: string }> {
  await checkPattern(db, match);
  return db.transaction(async (tx) => {
    await liveTarget(tx, categoryId);
    const id = `rule_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
    await tx
      .insert(categorizationRules)
      .values({ id, ...match, categoryId, createdById: actor.type === "user" ? actor.id : null });
    await recordAudit(tx, actor, {
      action: "rule.create",
      entityType: "categorization_rule",
      entityId: id,
      after: { ...match, categoryId },
    });
    return { id };
  });
}

/** Files every uncategorized answer the rule matches (the number its preview gave). */
export async function applyRule(db: Db, ruleId: string, actor: Actor): Promise<{ filed: number }> {
  return db.transaction(async (tx) => {
    const [rule] = await tx
      .select()
      .from(categorizationRules)
      .where(and(eq(categorizationRules.id, ruleId), isNull(categorizationRules.archivedAt)));
    if (!rule) throw new TaxonomyError("id", "No such rule, or it was removed.");
    await liveTarget(tx, rule.categoryId);
    const match: MatchInput = {
      pattern: rule.pattern,
      matchKind: rule.matchKind === "regex" ? "regex" : "keyword",
      reasonCode: rule.reasonCode,
    };
    const filed = await refile(
      tx,
      sql`r.category_id = ${UNCATEGORIZED} and ${matchWhere(match)}`,
      rule.categoryId,
      await currentTaxonomyVersion(tx),
      "rule",
      actor,
    );
    await recordAudit(tx, actor, {
      action: "rule.apply",
      entityType: "categorization_rule",
      entityId: ruleId,
      after: { filed },
    });
    return { filed };
  });
}

export async function archiveRule(db: Db, ruleId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(categorizationRules).set({ archivedAt: new Date() }).where(eq(categorizationRules.id, ruleId));
    await recordAudit(tx, actor, { action: "rule.archive", entityType: "categorization_rule", entityId: ruleId });
  });
}

export async function listRules(db: Db) {
  return db
    .select({
      id: categorizationRules.id,
      pattern: categorizationRules.pattern,
      matchKind: categorizationRules.matchKind,
      reasonCode: categorizationRules.reasonCode,
      categoryId: categorizationRules.categoryId,
      categoryName: reasonCategories.name,
    })
    .from(categorizationRules)
    .innerJoin(reasonCategories, eq(reasonCategories.id, categorizationRules.categoryId))
    .where(isNull(categorizationRules.archivedAt))
    .orderBy(asc(categorizationRules.createdAt));
}

/** One answer's filings, oldest first, with category names. */
export async function answerHistory(db: Db, ref: string) {
  return queryRows<{
    at: Date;
    from_name: string;
    to_name: string;
    taxonomy_version: number;
    cause: string;
    actor_label: string;
  }>(
    db,
    sql`select f.at, cf.name as from_name, ct.name as to_name, f.taxonomy_version, f.cause, f.actor_label
        from answer_filings f join reason_categories cf on cf.id = f.from_category_id join reason_categories ct on ct.id = f.to_category_id
        where f.account_id = ${ref.slice(0, ref.lastIndexOf(":"))} and f.response_seq = ${ref.slice(ref.lastIndexOf(":") + 1)}::bigint
        order by f.id`,
  );
}

export async function reasonCodesIn(db: Db, categoryId: string) {
  return queryRows<{ reason_code: string; n: number }>(
    db,
    sql`select reason_code, count(*)::int as n from cancellation_responses where category_id = ${categoryId} group by reason_code order by n desc limit 50`,
  );
}
