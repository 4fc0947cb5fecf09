// Categorizing rules: a keyword or regular expression (and optional reason code) that suggests a
// category for uncategorized answers, previewed before it is saved and applied on request.
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancellationResponses, categorizationRules, reasonCategories } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import type { MatchInput } from "@/lib/types/taxonomy";
import type { RulePreview, RuleRow } from "@/lib/types/workbench";
import { recordAudit } from "./audit";
import { UNCATEGORIZED } from "./taxonomy";
import { TaxonomyError } from "./taxonomy-error";
import { checkPattern, currentTaxonomyVersion, matchWhere, refile } from "./taxonomy-filing";
import { answerRef, givesReason, liveTarget } from "./workbench-filing";

const answers = cancellationResponses;
const rules = categorizationRules;

/** What a rule would file: the uncategorized answers it matches, counted, and a sample. */
export async function previewRule(db: Db, match: MatchInput): Promise<RulePreview> {
  await checkPattern(db, match);
  const where = and(eq(answers.categoryId, UNCATEGORIZED), givesReason, matchWhere(match));
  const [counted] = await db.select({ n: count() }).from(answers).where(where);
  const sample = await db
    .select({ ref: answerRef, freeText: answers.freeText, reasonCode: answers.reasonCode })
    .from(answers)
    .where(where)
    .orderBy(desc(answers.submittedAt))
    .limit(5);
  return { count: counted?.n ?? 0, sample };
}

export async function createRule(db: Db, match: MatchInput, categoryId: string, actor: Actor): Promise<{ id: string }> {
  await checkPattern(db, match);
  return db.transaction(async (tx) => {
    await liveTarget(tx, categoryId);
    const id = `rule_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
    await tx.insert(rules).values({ id, ...match, categoryId, createdById: actor.type === "user" ? actor.id : null });
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
      .from(rules)
      .where(and(eq(rules.id, ruleId), isNull(rules.archivedAt)));
    if (!rule) throw new TaxonomyError({ code: "no-such-rule", field: "id" });
    await liveTarget(tx, rule.categoryId);
    const match: MatchInput = {
      pattern: rule.pattern,
      matchKind: rule.matchKind === "regex" ? "regex" : "keyword",
      reasonCode: rule.reasonCode,
    };
    const filed = await refile(
      tx,
      and(eq(answers.categoryId, UNCATEGORIZED), givesReason, matchWhere(match)),
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
    await tx.update(rules).set({ archivedAt: new Date() }).where(eq(rules.id, ruleId));
    await recordAudit(tx, actor, { action: "rule.archive", entityType: "categorization_rule", entityId: ruleId });
  });
}

export async function listRules(db: Db): Promise<RuleRow[]> {
  return db
    .select({
      id: rules.id,
      pattern: rules.pattern,
      matchKind: rules.matchKind,
      reasonCode: rules.reasonCode,
      categoryId: rules.categoryId,
      categoryName: reasonCategories.name,
    })
    .from(rules)
    .innerJoin(reasonCategories, eq(reasonCategories.id, rules.categoryId))
    .where(isNull(rules.archivedAt))
    .orderBy(asc(rules.createdAt));
}
