import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UsersPanel } from "@/components/admin/users-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const me = await requireUser("admin");
  const staff = await listUsers(await getDb());
  return (
    <>
      <PageHeader
        title="Admin"
        description="Staff users and their roles. A role change applies to that user's next request; disabling ends their session at once. There is always at least one active admin."
      />
      <AdminNav />
      <UsersPanel users={staff.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))} meId={me.id} />
    </>
  );
}
