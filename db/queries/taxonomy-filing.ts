// What every taxonomy change and every filing shares: taxonomy versions, the condition a keyword or
// pattern puts on an answer, and re-filing answers with one filing row each.
import { type SQL, and, count, eq, max, ne, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { answerFilings, cancellationResponses, taxonomyVersions } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import type { MatchInput } from "@/lib/types/taxonomy";
import { TaxonomyError } from "./taxonomy-error";

const answers = cancellationResponses;

export async function currentTaxonomyVersion(db: Db): Promise<number> {
  const [row] = await db.select({ v: max(taxonomyVersions.version) }).from(taxonomyVersions);
  return row?.v ?? 1;
}

/** Starts a new taxonomy version inside the caller's transaction and returns its number. */
export async function nextVersion(tx: Db, note: string, actor: Actor): Promise<number> {
  // The lock orders concurrent taxonomy changes: versions are consecutive and never shared.
  await tx.execute(sql`lock table ${taxonomyVersions} in exclusive mode`);
  const version = (await currentTaxonomyVersion(tx)) + 1;
  await tx.insert(taxonomyVersions).values({ version, note, createdById: actor.type === "user" ? actor.id : null });
  return version;
}

/**
 * Moves the answers chosen by `where` (a condition on cancellation_responses) to another category,
 * one filing row each, in one statement. Returns how many moved.
 */
export async function refile(
  tx: Db,
  where: SQL | undefined,
  toCategoryId: string,
  version: number,
  cause: string,
  actor: Actor,
): Promise<number> {
  const old = tx
    .select({ accountId: answers.accountId, seq: answers.seq, fromId: answers.categoryId })
    .from(answers)
    .where(and(where, ne(answers.categoryId, toCategoryId)))
    .for("update")
    .as("old");
  const moved = tx.$with("moved").as(
    tx
      .update(answers)
      .set({ categoryId: toCategoryId })
      .from(old)
      .where(and(eq(answers.accountId, old.accountId), eq(answers.seq, old.seq)))
      .returning({ accountId: answers.accountId, responseSeq: answers.seq, fromCategoryId: old.fromId }),
  );
  // Raw because drizzle's insert-from-select would name the generated id too; every column is
  // still named through the schema.
  const c = (column: AnyPgColumn) => sql.identifier(column.name);
  const f = answerFilings;
  const filed = tx.$with("filed", { id: f.id }).as(
    sql`insert into ${f} (${c(f.accountId)}, ${c(f.responseSeq)}, ${c(f.fromCategoryId)}, ${c(f.toCategoryId)}, ${c(f.taxonomyVersion)}, ${c(f.cause)}, ${c(f.actorId)}, ${c(f.actorLabel)})
        select ${moved.accountId}, ${moved.responseSeq}, ${moved.fromCategoryId}, ${toCategoryId}, ${version}, ${cause}, ${actor.type === "user" ? actor.id : null}, ${actor.label}
        from ${moved}
        returning ${f.id}`,
  );
  const [row] = await tx.with(moved, filed).select({ n: count() }).from(filed);
  return row?.n ?? 0;
}

/** The condition a keyword or regular expression (and optional reason code) puts on an answer. */
export function matchWhere(match: MatchInput): SQL {
  const text =
    match.matchKind === "regex"
      ? sql`coalesce(${answers.freeText}, '') ~* ${match.pattern}`
      : sql`position(lower(${match.pattern}) in lower(coalesce(${answers.freeText}, ''))) > 0`;
  return match.reasonCode ? sql`(${text} and ${answers.reasonCode} = ${match.reasonCode})` : text;
}

/** Refuses a regular expression PostgreSQL cannot compile, naming the field. */
export async function checkPattern(db: Db, match: MatchInput): Promise<void> {
  if (match.matchKind !== "regex") return;
  try {
    await db.execute(sql`select '' ~* ${match.pattern}`);
  } catch {
    throw new TaxonomyError({ code: "bad-pattern", field: "pattern" });
  }
}
