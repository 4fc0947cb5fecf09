import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { TaxonomyPanel } from "@/components/admin/taxonomy-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listCategories, listVersions } from "@/db/queries/taxonomy-lists";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reason taxonomy" };

export default async function TaxonomyPage() {
  await requireUser("admin");
  const db = await getDb();
  const [categories, versions] = await Promise.all([listCategories(db), listVersions(db)]);
  return (
    <>
      <PageHeader
        title="Reason taxonomy"
        description="The categories cancel answers are filed into. Every change makes a new taxonomy version; merging and splitting re-file past answers, and each answer keeps its filing history."
      />
      <AdminNav />
      <TaxonomyPanel categories={categories} versions={versions} />
    </>
  );
}
