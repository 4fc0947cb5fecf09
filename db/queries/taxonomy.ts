// The reason taxonomy with a history: every change to the categories makes a new taxonomy
// version, and every answer moved by it gets a filing row (who, when, from, to, version, why).
import { and, eq, isNull, like, max, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancellationResponses, categorizationRules, reasonCategories, reasonCodeDefaults } from "@/db/schema";
import type { Actor } from "@/lib/types/session";
import type { CategoryInput, MatchInput } from "@/lib/types/taxonomy";
import { recordAudit } from "./audit";
import { TaxonomyError } from "./taxonomy-error";
import { checkPattern, matchWhere, nextVersion, refile } from "./taxonomy-filing";

export const UNCATEGORIZED = "cat_uncategorized";

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "category"
  );
}

async function liveCategory(tx: Db, id: string, field: string) {
  const [row] = await tx.select().from(reasonCategories).where(eq(reasonCategories.id, id));
  if (!row) throw new TaxonomyError({ code: "no-such-category", field });
  if (row.archivedAt) throw new TaxonomyError({ code: "category-archived", field, name: row.name });
  return row;
}

/** Refuses a name a live category other than `except` has already, whatever its case. */
async function refuseTakenName(tx: Db, name: string, except?: string) {
  const clash = await tx
    .select({ id: reasonCategories.id })
    .from(reasonCategories)
    .where(
      and(
        sql`lower(${reasonCategories.name}) = lower(${name})`,
        except === undefined ? undefined : ne(reasonCategories.id, except),
        isNull(reasonCategories.archivedAt),
      ),
    );
  if (clash.length > 0) throw new TaxonomyError({ code: "name-taken", field: "name", name });
}

async function insertCategory(tx: Db, input: CategoryInput): Promise<string> {
  const base = slugOf(input.name);
  const taken = await tx
    .select({ slug: reasonCategories.slug })
    .from(reasonCategories)
    .where(like(reasonCategories.slug, `${base}%`));
  let slug = base;
  for (let i = 2; taken.some((t) => t.slug === slug); i++) slug = `${base}-${i}`;
  await refuseTakenName(tx, input.name);
  const id = `cat_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  // A new category goes last, before Uncategorized.
  const [last] = await tx
    .select({ n: max(reasonCategories.sortOrder) })
    .from(reasonCategories)
    .where(eq(reasonCategories.isUncategorized, false));
  await tx.insert(reasonCategories).values({ id, slug, ...input, sortOrder: (last?.n ?? 0) + 10 });
  return id;
}

export async function createCategory(
  db: Db,
  input: CategoryInput,
  actor: Actor,
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    const version = await nextVersion(tx, `Created “${input.name}”`, actor);
    const id = await insertCategory(tx, input);
    await recordAudit(tx, actor, {
      action: "taxonomy.create",
      entityType: "reason_category",
      entityId: id,
      after: { ...input, version },
    });
    return { id, version };
  });
}

export async function updateCategory(
  db: Db,
  id: string,
  input: CategoryInput,
  actor: Actor,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const before = await liveCategory(tx, id, "id");
    const renamed = before.name !== input.name;
    if (renamed) await refuseTakenName(tx, input.name, id);
    const version = await nextVersion(
      tx,
      renamed ? `Renamed “${before.name}” to “${input.name}”` : `Edited “${input.name}”`,
      actor,
    );
    // Uncategorized keeps no regrettable flag: its answers are not yet filed (docs/metrics.md).
    const stored = before.isUncategorized ? { ...input, regrettable: null } : input;
    await tx.update(reasonCategories).set(stored).where(eq(reasonCategories.id, id));
    const pick = {
      name: before.name,
      description: before.description,
      regrettable: before.regrettable,
      color: before.color,
    };
    await recordAudit(tx, actor, {
      action: renamed ? "taxonomy.rename" : "taxonomy.edit",
      entityType: "reason_category",
      entityId: id,
      before: pick,
      after: { ...stored, version },
    });
    return { version };
  });
}

export async function mergeCategories(
  db: Db,
  sourceId: string,
  targetId: string,
  actor: Actor,
): Promise<{ version: number; moved: number }> {
  if (sourceId === targetId) throw new TaxonomyError({ code: "merge-into-itself", field: "targetId" });
  return db.transaction(async (tx) => {
    const source = await liveCategory(tx, sourceId, "sourceId");
    const target = await liveCategory(tx, targetId, "targetId");
    if (source.isUncategorized) throw new TaxonomyError({ code: "merge-uncategorized", field: "sourceId" });
    const version = await nextVersion(tx, `Merged “${source.name}” into “${target.name}”`, actor);
    const moved = await refile(tx, eq(cancellationResponses.categoryId, sourceId), targetId, version, "merge", actor);
    await tx
      .update(reasonCodeDefaults)
      .set({ categoryId: targetId })
      .where(eq(reasonCodeDefaults.categoryId, sourceId));
    await tx
      .update(categorizationRules)
      .set({ categoryId: targetId })
      .where(eq(categorizationRules.categoryId, sourceId));
    await tx.update(reasonCategories).set({ archivedAt: new Date() }).where(eq(reasonCategories.id, sourceId));
    await recordAudit(tx, actor, {
      action: "taxonomy.merge",
      entityType: "reason_category",
      entityId: sourceId,
      before: { name: source.name },
      after: { mergedInto: targetId, name: target.name, moved, version },
    });
    return { version, moved };
  });
}

export async function splitCategory(
  db: Db,
  sourceId: string,
  input: CategoryInput,
  match: MatchInput,
  actor: Actor,
): Promise<{ id: string; version: number; moved: number }> {
  await checkPattern(db, match);
  return db.transaction(async (tx) => {
    const source = await liveCategory(tx, sourceId, "sourceId");
    const version = await nextVersion(tx, `Split “${input.name}” out of “${source.name}”`, actor);
    const id = await insertCategory(tx, input);
    const moved = await refile(
      tx,
      and(eq(cancellationResponses.categoryId, sourceId), matchWhere(match)),
      id,
      version,
      "split",
      actor,
    );
    await recordAudit(tx, actor, {
      action: "taxonomy.split",
      entityType: "reason_category",
      entityId: sourceId,
      before: { name: source.name },
      after: { newCategory: id, ...input, match, moved, version },
    });
    return { id, version, moved };
  });
}

/**
 * Archives a category: it takes no new answers (its reason codes now file into Uncategorized,
 * its rules stop); the answers already in it stay, so past charts do not change.
 */
export async function archiveCategory(db: Db, id: string, actor: Actor): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const category = await liveCategory(tx, id, "id");
    if (category.isUncategorized) throw new TaxonomyError({ code: "archive-uncategorized", field: "id" });
    const version = await nextVersion(tx, `Archived “${category.name}”`, actor);
    await tx.update(reasonCodeDefaults).set({ categoryId: UNCATEGORIZED }).where(eq(reasonCodeDefaults.categoryId, id));
    await tx
      .update(categorizationRules)
      .set({ archivedAt: new Date() })
      .where(and(eq(categorizationRules.categoryId, id), isNull(categorizationRules.archivedAt)));
    await tx.update(reasonCategories).set({ archivedAt: new Date() }).where(eq(reasonCategories.id, id));
    await recordAudit(tx, actor, {
      action: "taxonomy.archive",
      entityType: "reason_category",
      entityId: id,
      before: { name: category.name },
    });
    return { version };
  });
}
