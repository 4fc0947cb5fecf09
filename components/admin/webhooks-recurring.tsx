// The recurring jobs (health re-scoring, pruning): each reads "queued" between runs, so the counts
// alone cannot say whether it runs. This table does: how often, when it last ran, when it runs
// next, and the error of its last run while that run failed.
import { type ColumnDef, DataTable, compactLook } from "@/components/ui/data-table";
import { type Formatter, plural } from "@/lib/format";
import type { RecurringJob } from "@/lib/types/jobs";

const look = { ...compactLook, wrapper: "overflow-x-auto" };
const nowrap = { cellClassName: `${compactLook.td} whitespace-nowrap` };

/** A period in its largest whole unit: "30 s", "15 min", "1 h", "1 day". */
export function period(seconds: number): string {
  if (seconds > 0 && seconds % 86_400 === 0) return plural(seconds / 86_400, "day");
  if (seconds > 0 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export function WebhooksRecurring({ jobs, fmt }: { jobs: RecurringJob[]; fmt: Formatter }) {
  const at = (d: Date) => fmt.dateTime(d, { seconds: true });
  const columns: ColumnDef<RecurringJob>[] = [
    {
      header: "Kind",
      cell: ({ row }) => row.original.kind,
      meta: { cellClassName: `${compactLook.td} font-mono text-xs` },
    },
    { header: "Every", cell: ({ row }) => period(row.original.everySeconds), meta: nowrap },
    {
      header: "Last run",
      cell: ({ row: { original: j } }) =>
        j.status === "running" ? (
          "running now"
        ) : j.lastRunAt ? (
          at(j.lastRunAt)
        ) : (
          <span className="text-muted">not yet</span>
        ),
      meta: nowrap,
    },
    {
      header: "Next run",
      cell: ({ row: { original: j } }) => (j.status === "running" ? "—" : at(j.nextRunAt)),
      meta: nowrap,
    },
    {
      header: "Last error",
      cell: ({ row: { original: j } }) =>
        j.lastError ? (
          <>
            <span className="block">{j.lastError}</span>
            <span className="block text-xs">
              {plural(j.attempts, "failed run", "failed runs in a row", (n) => fmt.number(n))}
            </span>
          </>
        ) : (
          <span className="text-muted">—</span>
        ),
      meta: { cellClassName: `${compactLook.td} max-w-md break-words text-bad` },
    },
  ];
  return (
    <DataTable
      caption="Recurring jobs"
      captionClassName="mb-2 text-left text-sm font-medium"
      columns={columns}
      data={jobs}
      getRowId={(j) => String(j.id)}
      rowProps={() => ({ className: "align-top", "data-testid": "recurring-job" })}
      look={look}
      empty="No recurring job yet: the server makes them when it starts."
    />
  );
}
