// The reason taxonomy with a history: every change to the categories makes a new taxonomy
// version, and every answer moved by it gets a filing row (who, when, from, to, version, why).
import { type SQL, and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { categorizationRules, reasonCategories, reasonCodeDefaults, taxonomyVersions } from "@/db/schema";
import type { CategoryInput, MatchInput } from "@/lib/validation/taxonomy";
import { type Actor, recordAudit } from "./audit";

export const UNCATEGORIZED = "cat_uncategorized";

export class TaxonomyError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export async function currentTaxonomyVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ v: number }>(
    db,
    sql`select coalesce(max(version), 1)::int as v from taxonomy_versions`,
  );
  return row?.v ?? 1;
}

/** Starts a new taxonomy version inside the caller's transaction and returns its number. */
async function nextVersion(tx: Db, note: string, actor: Actor): Promise<number> {
  // The lock orders concurrent taxonomy changes: versions are consecutive and never shared.
  await tx.execute(sql`lock table taxonomy_versions in exclusive mode`);
  const version = (await currentTaxonomyVersion(tx)) + 1;
  await tx.insert(taxonomyVersions).values({ version, note, createdById: actor.type === "user" ? actor.id : null });
  return version;
}

export async function listCategories(db: Db) {
  const rows = await queryRows<{
    id: string;
    slug: string;
    name: string;
    description: string;
    // The form edits a yes/no; Uncategorized stores none (NULL), and an edit keeps it so.
    regrettable: boolean;
    color: string;
    is_uncategorized: boolean;
    archived_at: Date | string | null;
    answers: number;
    codes: string[] | null;
  }>(
    db,
    sql`
    select c.id, c.slug, c.name, c.description, coalesce(c.regrettable, false) as regrettable, c.color, c.is_uncategorized, c.archived_at,
      (select count(*)::int from cancellation_responses r where r.category_id = c.id) as answers,
      (select array_agg(d.reason_code order by d.reason_code) from reason_code_defaults d where d.category_id = c.id) as codes
    from reason_categories c
    order by c.archived_at is not null, c.sort_order, c.name
  `,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    regrettable: r.regrettable,
    color: r.color,
    isUncategorized: r.is_uncategorized,
    archived: r.archived_at !== null,
    answers: r.answers,
    reasonCodes: Array.isArray(r.codes)
      ? r.codes
      : typeof r.codes === "string"
        ? String(r.codes).replace(/[{}]/g, "").split(",").filter(Boolean)
        : [],
  }));
}

export async function listVersions(db: Db, limit = 20) {
  return queryRows<{ version: number; note: string; created_at: Date; by: string | null }>(
    db,
    sql`select v.version, v.note, v.created_at, u.name as by from taxonomy_versions v left join users u on u.id = v.created_by_id order by v.version desc limit ${limit}`,
  );
}

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
  if (!row) throw new TaxonomyError(field, "No such category.");
  if (row.archivedAt) throw new TaxonomyError(field, `“${row.name}” is archived.`);
  return row;
}

async function insertCategory(tx: Db, input: CategoryInput): Promise<string> {
  const taken = await queryRows<{ slug: string }>(
    tx,
    sql`select slug from reason_categories where slug like ${`${slugOf(input.name)}%`}`,
  );
  const base = slugOf(input.name);
  let slug = base;
  for (let i = 2; taken.some((t) => t.slug === slug); i++) slug = `${base}-${i}`;
  const duplicate = await tx
    .select({ id: reasonCategories.id })
    .from(reasonCategories)
    .where(and(sql`lower(${reasonCategories.name}) = lower(${input.name})`, isNull(reasonCategories.archivedAt)));
  if (duplicate.length > 0) throw new TaxonomyError("name", `A category named “${input.name}” exists already.`);
  const id = `cat_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const [order] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(sort_order) filter (where not is_uncategorized), 0)::int + 10 as n from reason_categories`,
  );
  await tx.insert(reasonCategories).values({ id, slug, ...input, sortOrder: order?.n ?? 10 });
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
    if (renamed) {
      const clash = await tx
        .select({ id: reasonCategories.id })
        .from(reasonCategories)
        .where(
          and(
            sql`lower(${reasonCategories.name}) = lower(${input.name})`,
            sql`${reasonCategories.id} <> ${id}`,
            isNull(reasonCategories.archivedAt),
          ),
        );
      if (clash.length > 0) throw new TaxonomyError("name", `A category named “${input.name}” exists already.`);
    }
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

/**
 * Moves the answers chosen by `where` (a condition on `r`, cancellation_responses) to another
 * category, one filing row each. Returns how many moved.
 */
export async function refile(
  tx: Db,
  where: SQL,
  toCategoryId: string,
  version: number,
  cause: string,
  actor: Actor,
): Promise<number> {
  const moved = await queryRows<{ n: number }>(
    tx,
    sql`
    with moved as (
      update cancellation_responses r set category_id = ${toCategoryId}
      from (select account_id, seq, category_id as from_id from cancellation_responses r where ${where} and r.category_id <> ${toCategoryId} for update) old
      where r.account_id = old.account_id and r.seq = old.seq
      returning r.account_id, r.seq, old.from_id
    ),
    filed as (
      insert into answer_filings (account_id, response_seq, from_category_id, to_category_id, taxonomy_version, cause, actor_id, actor_label)
      select account_id, seq, from_id, ${toCategoryId}, ${version}, ${cause}, ${actor.type === "user" ? actor.id : null}, ${actor.label} from moved
      returning 1
    )
    select count(*)::int as n from filed
  `,
  );
  return moved[0]?.n ?? 0;
}

export async function mergeCategories(
  db: Db,
  sourceId: string,
  targetId: string,
  actor: Actor,
): Promise<{ version: number; moved: number }> {
  if (sourceId === targetId) throw new TaxonomyError("targetId", "Pick another category to merge into.");
  return db.transaction(async (tx) => {
    const source = await liveCategory(tx, sourceId, "sourceId");
    const target = await liveCategory(tx, targetId, "targetId");
    if (source.isUncategorized)
      throw new TaxonomyError("sourceId", "Uncategorized cannot be merged away; file its answers instead.");
    const version = await nextVersion(tx, `Merged “${source.name}” into “${target.name}”`, actor);
    const moved = await refile(tx, sql`r.category_id = ${sourceId}`, targetId, version, "merge", actor);
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

/** The condition a keyword or regular expression (and optional reason code) puts on `r`. */
export function matchWhere(match: MatchInput): SQL {
  const text =
    match.matchKind === "regex"
      ? sql`coalesce(r.free_text, '') ~* ${match.pattern}`
      : sql`position(lower(${match.pattern}) in lower(coalesce(r.free_text, ''))) > 0`;
  return match.reasonCode ? sql`(${text} and r.reason_code = ${match.reasonCode})` : text;
}

/** Refuses a regular expression PostgreSQL cannot compile, naming the field. */
export async function checkPattern(db: Db, match: MatchInput): Promise<void> {
  if (match.matchKind !== "regex") return;
  try {
    await db.execute(sql`select '' ~* ${match.pattern}`);
  } catch {
    throw new TaxonomyError("pattern", "This is not a valid regular expression (PostgreSQL syntax).");
  }
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
      sql`r.category_id = ${sourceId} and ${matchWhere(match)}`,
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
    if (category.isUncategorized) throw new TaxonomyError("id", "Uncategorized cannot be archived.");
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

export async function liveCategories(db: Db) {
  return db
    .select({
      id: reasonCategories.id,
      name: reasonCategories.name,
      color: reasonCategories.color,
      regrettable: reasonCategories.regrettable,
      isUncategorized: reasonCategories.isUncategorized,
    })
    .from(reasonCategories)
    .where(isNull(reasonCategories.archivedAt))
    .orderBy(asc(reasonCategories.sortOrder), asc(reasonCategories.name));
}
