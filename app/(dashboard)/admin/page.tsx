import type { Metadata } from "next";
import Link from "next/link";
import { Cell, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireUser("admin");
  const staff = await listUsers(await getDb());
  return (
    <>
      <PageHeader title="Admin" description="Staff users and their roles. New users: npm run user:create." />
      <nav aria-label="Admin sections" className="mb-6 flex gap-3 text-sm">
        <Link href="/admin/api-keys" className="rounded-md border border-line bg-surface px-3 py-1.5 hover:bg-canvas">
          API keys
        </Link>
        <Link href="/admin/health" className="rounded-md border border-line bg-surface px-3 py-1.5 hover:bg-canvas">
          Health score
        </Link>
        <Link href="/import" className="rounded-md border border-line bg-surface px-3 py-1.5 hover:bg-canvas">
          Import CSV
        </Link>
      </nav>
      <DataTable caption="Users" head={["Name", "E-mail", "Role", "Status", "Created"]}>
        {staff.map((u) => (
          <tr key={u.id}>
            <Cell className="font-medium">{u.name}</Cell>
            <Cell>{u.email}</Cell>
            <Cell>{ROLE_LABEL[u.role]}</Cell>
            <Cell>{u.active ? "Active" : <span className="text-bad">Disabled</span>}</Cell>
            <Cell>{formatDate(u.createdAt)}</Cell>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
