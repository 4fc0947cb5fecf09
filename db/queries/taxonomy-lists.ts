// The taxonomy as the admin pages list it: every category with its reason codes and answers, the
// live ones to file into, and the versions.
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancellationResponses, reasonCategories, reasonCodeDefaults, taxonomyVersions, users } from "@/db/schema";
import type { CategoryRow, LiveCategory, TaxonomyVersion } from "@/lib/types/taxonomy";
import { givesReason } from "./workbench-filing";

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  const [rows, defaults] = await Promise.all([
    db
      .select({
        id: reasonCategories.id,
        slug: reasonCategories.slug,
        name: reasonCategories.name,
        description: reasonCategories.description,
        regrettable: reasonCategories.regrettable,
        color: reasonCategories.color,
        isUncategorized: reasonCategories.isUncategorized,
        archivedAt: reasonCategories.archivedAt,
        // Answers with no reason given are counted apart (the reasons report's noAnswer), in no category.
        answers: db.$count(
          cancellationResponses,
          and(eq(cancellationResponses.categoryId, reasonCategories.id), givesReason),
        ),
      })
      .from(reasonCategories)
      .orderBy(isNotNull(reasonCategories.archivedAt), asc(reasonCategories.sortOrder), asc(reasonCategories.name)),
    db
      .select({ code: reasonCodeDefaults.reasonCode, categoryId: reasonCodeDefaults.categoryId })
      .from(reasonCodeDefaults)
      .orderBy(asc(reasonCodeDefaults.reasonCode)),
  ]);
  return rows.map(({ archivedAt, ...r }) => ({
    ...r,
    // The form edits a yes/no; Uncategorized stores none (NULL), and an edit keeps it so.
    regrettable: r.regrettable ?? false,
    archived: archivedAt !== null,
    reasonCodes: defaults.filter((d) => d.categoryId === r.id).map((d) => d.code),
  }));
}

export async function listVersions(db: Db, limit = 20): Promise<TaxonomyVersion[]> {
  const rows = await db
    .select({
      version: taxonomyVersions.version,
      note: taxonomyVersions.note,
      at: taxonomyVersions.createdAt,
      by: users.name,
    })
    .from(taxonomyVersions)
    .leftJoin(users, eq(users.id, taxonomyVersions.createdById))
    .orderBy(desc(taxonomyVersions.version))
    .limit(limit);
  return rows.map((v) => ({ ...v, at: v.at.toISOString() }));
}

export async function liveCategories(db: Db): Promise<LiveCategory[]> {
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
