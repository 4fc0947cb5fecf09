// Filing answers by hand on the workbench: into a category, and overriding whether one counts as
// regrettable. An answer is named by its ref, `account id:arrival number`.
import { type SQL, and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancellationResponses, reasonCategories } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import { NO_ANSWER_REASON } from "@/lib/values";
import { recordAudit } from "./audit";
import { UNCATEGORIZED } from "./taxonomy";
import { TaxonomyError } from "./taxonomy-error";
import { currentTaxonomyVersion, refile } from "./taxonomy-filing";

const answers = cancellationResponses;

/** An answer's ref, as SQL. */
export const answerRef = sql<string>`${answers.accountId} || ':' || ${answers.seq}`;

/**
 * Answers that gave a reason: a cancel pressed before any (`no_answer`) has nothing to file, so the
 * workbench's lists and rules leave it out (the reasons report counts it apart).
 */
export const givesReason: SQL = ne(answers.reasonCode, NO_ANSWER_REASON);

/** The answers named by `refs`. */
export function refsWhere(refs: string[]): SQL {
  const accountIds = refs.map((r) => r.slice(0, r.lastIndexOf(":")));
  const seqs = refs.map((r) => r.slice(r.lastIndexOf(":") + 1));
  return sql`(${answers.accountId}, ${answers.seq}) in (select a, s from unnest(${sql.param(accountIds)}::text[], ${sql.param(seqs)}::text[]::bigint[]) as x(a, s))`;
}

/** The live category answers are filed into, or the refusal naming the field. */
export async function liveTarget(tx: Db, categoryId: string) {
  const [c] = await tx
    .select()
    .from(reasonCategories)
    .where(and(eq(reasonCategories.id, categoryId), isNull(reasonCategories.archivedAt)));
  if (!c) throw new TaxonomyError({ code: "no-live-target", field: "categoryId" });
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
      await tx
        .update(answers)
        .set({ regrettableOverride: null })
        .where(and(refsWhere(refs), eq(answers.categoryId, UNCATEGORIZED)));
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
    const before = await tx
      .select({ ref: answerRef, v: answers.regrettableOverride })
      .from(answers)
      .where(refsWhere(refs));
    // Only a filed answer has a flag: the write leaves answers in Uncategorized alone, and a batch
    // holding one is refused whole (the transaction rolls back).
    const changed = await tx
      .update(answers)
      .set({ regrettableOverride: regrettable })
      .where(and(refsWhere(refs), ne(answers.categoryId, UNCATEGORIZED)))
      .returning({ ref: answerRef });
    if (changed.length < before.length)
      throw new TaxonomyError({
        code: "not-yet-filed",
        field: "refs",
        unfiled: before.length - changed.length,
        of: before.length,
      });
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
