import type { Metadata } from "next";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import CSV" };

export default async function ImportPage() {
  await requireUser("manager");
  return (
    <>
      <PageHeader
        title="Import CSV"
        description="Accounts, subscription events or cancellation answers from a spreadsheet. Importing the same file twice changes nothing."
      />
      <ImportWizard />
    </>
  );
}
