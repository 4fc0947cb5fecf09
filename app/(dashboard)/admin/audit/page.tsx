import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { AdminNav } from "@/components/admin/admin-nav";
import { type ColumnDef, DataTable, framedLook } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { AUDIT_PAGE_SIZE, auditFacets, listAudit } from "@/db/queries/audit";
import { requireUser } from "@/lib/auth/session";
import type { Formatter } from "@/lib/format";
import { getFormat } from "@/lib/locale-server";
import { auditFiltersSchema } from "@/lib/validation/users";
import { searchNotices } from "@/lib/validation/params";
import { firstValues, swapReversed } from "@/lib/filters";
import { ParamNotice } from "@/components/ui/param-notice";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const field = "mt-1 block rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";
const json = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 2));

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("admin");
  const fmt = await getFormat();
  const raw = await searchParams;
  const { range: filters, notices: swapped } = swapReversed(auditFiltersSchema.parse(firstValues(raw)));
  const db = await getDb();
  const [{ rows, total }, facets] = await Promise.all([listAudit(db, filters), auditFacets(db)]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by a person, an API key or Holdfast itself, with the row before and after. Entries cannot be edited."
      />
      <AdminNav />
      <ParamNotice notices={[...searchNotices(auditFiltersSchema, raw), ...swapped]} />
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-3"
        aria-label="Audit filters"
      >
        {(
          [
            ["actor", "Actor", facets.actors],
            ["action", "Action", facets.actions],
            ["entity", "Entity", facets.entities],
          ] as const
        ).map(([name, label, options]) => (
          <label key={name} className="text-xs text-muted">
            {label}
            <select name={name} defaultValue={filters[name] ?? ""} className={field}>
              <option value="">Any</option>
              {options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="text-xs text-muted">
          Search
          <input type="search" name="q" defaultValue={filters.q} placeholder="Entity id or actor" className={field} />
        </label>
        <label className="text-xs text-muted">
          From
          <input type="date" name="from" defaultValue={filters.from} className={field} />
        </label>
        <label className="text-xs text-muted">
          To
          <input type="date" name="to" defaultValue={filters.to} className={field} />
        </label>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
          Filter
        </button>
        <IntentLink href="/admin/audit" className="px-2 py-1.5 text-sm text-accent">
          Clear
        </IntentLink>
        <span className="ml-auto text-sm text-muted">{fmt.number(total)} entries</span>
      </form>
      <DataTable
        caption="Audit entries, newest first"
        columns={auditColumns(fmt)}
        data={rows}
        getRowId={(r) => String(r.id)}
        rowProps={() => ({ className: "align-top", "data-testid": "audit-row" })}
      />
      {pages > 1 && (
        <Pager
          page={filters.page}
          pages={pages}
          params={{
            actor: filters.actor,
            action: filters.action,
            entity: filters.entity,
            q: filters.q,
            from: filters.from,
            to: filters.to,
          }}
        />
      )}
    </>
  );
}

type AuditEntry = Awaited<ReturnType<typeof listAudit>>["rows"][number];

function auditColumns(fmt: Formatter): ColumnDef<AuditEntry>[] {
  return [
    {
      header: "When",
      cell: ({ row }) => fmt.dateTime(row.original.at),
      meta: { cellClassName: `whitespace-nowrap ${framedLook.td}` },
    },
    {
      header: "Actor",
      cell: ({ row: { original: r } }) => (
        <>
          {r.actorLabel}
          <span className="block text-xs text-muted">{r.actorType.replace("_", " ")}</span>
        </>
      ),
    },
    {
      header: "Action",
      cell: ({ row }) => row.original.action,
      meta: { cellClassName: `${framedLook.td} font-mono text-xs` },
    },
    {
      header: "Entity",
      cell: ({ row: { original: r } }) => (
        <>
          {r.entityType}
          {r.entityId && <span className="block font-mono text-xs text-muted">{r.entityId}</span>}
        </>
      ),
    },
    {
      header: "Before and after",
      cell: ({ row: { original: r } }) => (
        <details>
          <summary className="cursor-pointer text-accent">Show</summary>
          <div className="mt-2 grid gap-2 md:grid-cols-2">
            <div>
              <p className="text-xs uppercase text-muted">Before</p>
              <pre className="max-h-64 overflow-auto rounded bg-canvas p-2 text-xs">{json(r.before)}</pre>
            </div>
            <div>
              <p className="text-xs uppercase text-muted">After</p>
              <pre className="max-h-64 overflow-auto rounded bg-canvas p-2 text-xs">{json(r.after)}</pre>
            </div>
          </div>
        </details>
      ),
    },
  ];
}
