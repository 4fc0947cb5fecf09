// Background jobs at a glance: the recurring jobs with their last and next run, how many of each
// kind are queued, running, done or dead, and the latest dead jobs with their last error, so work
// that will not be retried by itself is visible.
import { type ColumnDef, DataTable, compactLook } from "@/components/ui/data-table";
import type { Formatter } from "@/lib/format";
import type { DeadJob, JobCount, RecurringJob } from "@/lib/types/jobs";
import { JOB_STATUSES, type JobStatus } from "@/lib/values";
import { WebhooksRecurring } from "./webhooks-recurring";

/** Compact, scrolling sideways in a narrow window rather than spilling out of the panel. */
const look = { ...compactLook, wrapper: "overflow-x-auto" };

type KindRow = { kind: string } & Record<JobStatus, number>;

export function WebhooksJobs({
  counts,
  dead,
  recurring,
  fmt,
}: {
  counts: JobCount[];
  dead: DeadJob[];
  recurring: RecurringJob[];
  fmt: Formatter;
}) {
  const byKind = new Map<string, KindRow>();
  for (const c of counts) {
    const row = byKind.get(c.kind) ?? { kind: c.kind, queued: 0, running: 0, done: 0, dead: 0 };
    row[c.status] += c.jobs;
    byKind.set(c.kind, row);
  }
  const num = `${compactLook.td} text-right tabular-nums`;
  const countColumns: ColumnDef<KindRow>[] = [
    {
      header: "Kind",
      cell: ({ row }) => row.original.kind,
      meta: { cellClassName: `${compactLook.td} font-mono text-xs` },
    },
    ...JOB_STATUSES.map((s): ColumnDef<KindRow> => ({
      id: s,
      header: s,
      cell: ({ row }) => fmt.number(row.original[s]),
      meta: {
        headerClassName: `${compactLook.th} text-right`,
        cellClassName: (r) => `${num} ${s === "dead" && r.dead > 0 ? "font-medium text-bad" : ""}`,
      },
    })),
  ];
  const deadColumns: ColumnDef<DeadJob>[] = [
    {
      header: "Finished",
      cell: ({ row }) => (row.original.finishedAt ? fmt.dateTime(row.original.finishedAt) : "—"),
      meta: { cellClassName: `${compactLook.td} whitespace-nowrap` },
    },
    {
      header: "Job",
      cell: ({ row: { original: j } }) => (
        <>
          <span className="block font-mono text-xs">{j.kind}</span>
          <span className="block break-all font-mono text-xs text-muted">{j.key}</span>
        </>
      ),
    },
    {
      header: "Runs",
      cell: ({ row }) => row.original.attempts,
      meta: { headerClassName: `${compactLook.th} text-right`, cellClassName: num },
    },
    {
      header: "Last error",
      cell: ({ row }) => row.original.lastError ?? <span className="text-muted">—</span>,
      meta: { cellClassName: `${compactLook.td} max-w-md break-words text-bad` },
    },
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[auto_minmax(0,1fr)]">
      <div className="min-w-0 lg:col-span-2">
        <WebhooksRecurring jobs={recurring} fmt={fmt} />
      </div>
      <DataTable
        caption="Jobs by kind and status"
        captionClassName="mb-2 text-left text-sm font-medium"
        columns={countColumns}
        data={[...byKind.values()]}
        getRowId={(r) => r.kind}
        look={look}
        empty="No background job has run yet."
      />
      <DataTable
        caption="Latest dead jobs"
        captionClassName="mb-2 text-left text-sm font-medium"
        columns={deadColumns}
        data={dead}
        getRowId={(j) => String(j.id)}
        rowProps={() => ({ className: "align-top", "data-testid": "dead-job" })}
        look={look}
        empty="No dead job: every job finished or is still being retried."
      />
    </div>
  );
}
