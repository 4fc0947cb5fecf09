import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { Workbench } from "@/components/admin/workbench";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { liveCategories } from "@/db/queries/taxonomy-lists";
import { WORKBENCH_PAGE_SIZE, listAnswers, reasonCodesIn } from "@/db/queries/workbench";
import { listRules } from "@/db/queries/workbench-rules";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadWorkbenchFilters } from "@/lib/filters";
import { workbenchFiltersSchema } from "@/lib/validation/taxonomy";
import { searchNotices } from "@/lib/validation/params";
import { ParamNotice } from "@/components/ui/param-notice";

export const metadata: Metadata = { title: "Categorize answers" };

export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("admin");
  const search = await searchParams;
  const filters = workbenchFiltersSchema.parse(loadWorkbenchFilters(search));
  const db = await getDb();
  const [page, categories, rules, codes] = await Promise.all([
    listAnswers(db, filters),
    liveCategories(db),
    listRules(db),
    reasonCodesIn(db, filters.category),
  ]);
  return (
    <>
      <PageHeader
        title="Categorize answers"
        description="File cancel answers into categories the managers can act on. Uncategorized answers first; any category can be reviewed."
      />
      <AdminNav />
      <ParamNotice notices={searchNotices(workbenchFiltersSchema, search)} />
      <Workbench
        answers={page.rows}
        total={page.total}
        pageSize={WORKBENCH_PAGE_SIZE}
        categories={categories}
        codes={codes}
        rules={rules}
        currency={env().CURRENCY}
      />
    </>
  );
}
