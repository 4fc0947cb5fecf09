"use client";
// Admin: create an API key (shown once), see when each key was last used, revoke one.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable, type TableLook } from "@/components/ui/data-table";
import { createApiKeyAction } from "@/lib/actions/api-keys/create-api-key";
import { revokeApiKeyAction } from "@/lib/actions/api-keys/revoke-api-key";
import type { ApiKeyRow } from "@/lib/types/api-keys";

const look: TableLook = {
  table: "w-full rounded-xl border border-line bg-surface text-left text-sm",
  thead: "text-xs uppercase tracking-wide text-muted",
  th: "px-4 py-2",
  tbody: "divide-y divide-line",
  td: "px-4 py-2",
  empty: "px-4 py-6 text-center text-muted",
};

export function ApiKeysPanel({ keys }: { keys: ApiKeyRow[] }) {
  const fmt = useFormat();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : "never");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const columns: ColumnDef<ApiKeyRow>[] = [
    { header: "Name", cell: ({ row }) => row.original.name, meta: { cellClassName: `${look.td} font-medium` } },
    {
      header: "Key",
      cell: ({ row }) => `${row.original.prefix}…`,
      meta: { cellClassName: `${look.td} font-mono text-xs` },
    },
    { header: "Scopes", cell: ({ row }) => row.original.scopes.join(", ") },
    {
      header: "Created",
      cell: ({ row: { original: k } }) => `${when(k.createdAt)}${k.createdBy ? ` by ${k.createdBy}` : ""}`,
    },
    { header: "Last used", cell: ({ row }) => when(row.original.lastUsedAt) },
    {
      id: "revoke",
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? (
          `revoked ${when(k.revokedAt)}`
        ) : (
          <button
            type="button"
            className="rounded-md border border-line px-2 py-1 text-xs text-bad hover:bg-bad-soft"
            onClick={() =>
              start(async () => {
                if (!window.confirm(`Revoke “${k.name}”? Requests with it will be refused at once.`)) return;
                const result = await revokeApiKeyAction({ id: k.id });
                if (!result.ok) setError(result.error);
                router.refresh();
              })
            }
          >
            Revoke
          </button>
        ),
      meta: { cellClassName: `${look.td} text-right` },
    },
  ];
  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
        action={(form) =>
          start(async () => {
            setError(null);
            const result = await createApiKeyAction({
              name: form.get("name"),
              scopes: form.getAll("scopes"),
              rateLimitPerMinute: form.get("rateLimitPerMinute"),
            });
            if (!result.ok) setError(result.error);
            else {
              setShown(result.data.key);
              router.refresh();
            }
          })
        }
      >
        <label className="text-sm">
          Name
          <input
            name="name"
            required
            placeholder="e.g. Billing sync"
            className="mt-1 block w-64 rounded-md border border-line px-3 py-1.5"
          />
        </label>
        <fieldset className="text-sm">
          <legend>Scopes</legend>
          <label className="mr-3">
            <input type="checkbox" name="scopes" value="ingest" defaultChecked /> ingest
          </label>
          <label className="mr-3">
            <input type="checkbox" name="scopes" value="read" /> read
          </label>
          <label>
            <input type="checkbox" name="scopes" value="cancel" /> cancel
          </label>
        </fieldset>
        <label className="text-sm">
          Requests a minute
          <input
            name="rateLimitPerMinute"
            type="number"
            min={1}
            defaultValue={600}
            required
            className="mt-1 block w-32 rounded-md border border-line px-3 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-3 py-1.5 text-sm text-accent-ink disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create key"}
        </button>
        {error && <p className="w-full text-sm text-bad">{error}</p>}
      </form>
      {shown && (
        <div className="rounded-xl border border-good bg-good-soft p-4 text-sm" role="status">
          <p className="font-medium">Copy this key now: it is shown once and cannot be read again.</p>
          <code className="mt-2 block break-all rounded bg-surface p-2 font-mono" data-testid="new-api-key">
            {shown}
          </code>
        </div>
      )}
      <DataTable
        caption="API keys"
        columns={columns}
        data={keys}
        getRowId={(k) => k.id}
        rowProps={(k) => ({ className: k.revokedAt ? "text-muted" : "" })}
        empty="No API keys yet. Create one to send data to the ingestion API."
        look={look}
      />
    </div>
  );
}
