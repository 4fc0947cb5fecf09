"use client";
// Admin: create a user (the one-time password is shown once), change roles, reset a password to a
// one-time password (shown once, in a dialog), disable and enable.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createUserAction } from "@/lib/actions/users/create-user";
import { setUserActiveAction } from "@/lib/actions/users/set-user-active";
import { setUserRoleAction } from "@/lib/actions/users/set-user-role";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import { ResetPasswordDialog } from "@/components/admin/reset-password-dialog";
import { useFormat } from "@/components/providers/format-provider";
import type { UserRow } from "@/lib/types/users";
import { ROLES, ROLE_LABEL } from "@/lib/values";

const field = "mt-1 block rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function UsersPanel({ users, meId }: { users: UserRow[]; meId: string }) {
  const router = useRouter();
  const fmt = useFormat();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  function act(call: () => Promise<{ ok: boolean; error?: string }>) {
    start(async () => {
      setError(null);
      const result = await call();
      if (!result.ok) setError(result.error ?? "Not saved.");
      router.refresh();
    });
  }

  const columns: ColumnDef<UserRow>[] = [
    {
      header: "Name",
      cell: ({ row: { original: u } }) => (
        <>
          {u.name}
          {u.id === meId ? <span className="ml-1 text-xs text-muted">(you)</span> : null}
        </>
      ),
      meta: { cellClassName: `${framedLook.td} font-medium` },
    },
    { header: "E-mail", cell: ({ row }) => row.original.email },
    {
      header: "Role",
      cell: ({ row: { original: u } }) => (
        <select
          aria-label={`Role of ${u.email}`}
          value={u.role}
          disabled={pending}
          onChange={(e) => act(() => setUserRoleAction({ userId: u.id, role: e.target.value }))}
          className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      ),
    },
    {
      header: "Status",
      cell: ({ row: { original: u } }) => (
        <>
          {u.active ? "Active" : <span className="text-bad">Disabled</span>}
          {u.mustChangePassword && <span className="block text-xs text-warn">Must change password</span>}
        </>
      ),
    },
    { header: "Created", cell: ({ row }) => fmt.date(row.original.createdAt) },
    {
      header: "Access",
      cell: ({ row: { original: u } }) => (
        <>
          {u.id !== meId && (
            <button
              type="button"
              disabled={pending}
              onClick={() => setResetting(u)}
              className="rounded-md border border-line px-2 py-1 text-xs"
            >
              Reset password
            </button>
          )}
          <button
            type="button"
            disabled={pending}
            onClick={() => act(() => setUserActiveAction({ userId: u.id, active: !u.active }))}
            className="rounded-md border border-line px-2 py-1 text-xs"
          >
            {u.active ? "Disable" : "Enable"}
          </button>
        </>
      ),
      meta: { cellClassName: `space-x-2 whitespace-nowrap ${framedLook.td} text-right` },
    },
  ];

  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
        aria-label="New user"
        action={(form) =>
          start(async () => {
            setError(null);
            const result = await createUserAction({
              email: form.get("email"),
              name: String(form.get("name") ?? "").trim() || undefined,
              role: form.get("role"),
            });
            if (!result.ok) setError(result.error);
            else {
              setCreated({ email: result.data.email, password: result.data.password });
              router.refresh();
            }
          })
        }
      >
        <label className="text-sm">
          E-mail
          <input name="email" type="email" required className={`${field} w-64`} />
        </label>
        <label className="text-sm">
          Name
          <input name="name" className={`${field} w-48`} />
        </label>
        <label className="text-sm">
          Role
          <select name="role" defaultValue="cs" className={field}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-3 py-1.5 text-sm text-accent-ink disabled:opacity-60"
        >
          Create user
        </button>
      </form>
      {created && (
        <div
          role="status"
          className="rounded-xl border border-good-line bg-good-soft p-4 text-sm"
          data-testid="one-time-password"
        >
          <p>{created.email} can sign in with this one-time password. It is shown only now: hand it over safely.</p>
          <p className="mt-2 font-mono text-base">{created.password}</p>
          <button type="button" className="mt-2 text-accent" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <DataTable
        caption="Users"
        columns={columns}
        data={users}
        getRowId={(u) => u.id}
        rowProps={(u) => ({ "data-testid": "user-row", "data-email": u.email })}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => {
          setResetting(null);
          router.refresh();
        }}
      />
    </div>
  );
}
