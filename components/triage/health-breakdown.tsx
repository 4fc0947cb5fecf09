// An account's health score taken apart: each component's value, its share of the score and the
// data behind it, then the reasons in words.
import type { HealthComponent } from "@/lib/metrics/health";
import { getFormat } from "@/lib/locale-server";
import { type ColumnDef, DataTable, type TableLook, compactLook } from "@/components/ui/data-table";
import { HealthBadge } from "./health-badge";

const COMPONENT_LABEL: Record<HealthComponent["name"], string> = {
  depth: "Depth — seats in use",
  breadth: "Breadth — key features",
  trend: "Trend — active users",
  billing: "Billing — failed payments",
  intent: "Intent — cancel survey",
  voice: "Voice — NPS",
};

const look: TableLook = { ...compactLook, table: "mt-4 w-full text-left text-sm" };

function componentColumns(pct: (x: number) => string): ColumnDef<HealthComponent>[] {
  return [
    {
      header: "Component",
      cell: ({ row }) => COMPONENT_LABEL[row.original.name],
      meta: { rowHeader: true, cellClassName: "py-1.5 pr-3 font-normal" },
    },
    {
      header: "Value",
      cell: ({ row: { original: c } }) => (
        <span className="flex items-center gap-2 whitespace-nowrap tabular-nums">
          <span className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-line" aria-hidden>
            <span
              className={`block h-full ${c.value < 0.5 ? "bg-bad" : c.value < 0.8 ? "bg-warn" : "bg-good"}`}
              style={{ width: `${Math.round(c.value * 100)}%` }}
            />
          </span>
          {pct(c.value)}
        </span>
      ),
    },
    {
      header: "Weight",
      cell: ({ row }) => pct(row.original.weight),
      meta: { cellClassName: `${look.td} tabular-nums` },
    },
    {
      header: "The data behind it",
      cell: ({ row }) => row.original.detail,
      meta: { headerClassName: "py-1 font-medium", cellClassName: "py-1.5 text-muted" },
    },
  ];
}

export async function HealthBreakdown({
  health,
  threshold,
}: {
  health: {
    score: number;
    scoreWeekAgo: number | null;
    components: HealthComponent[];
    reasons: string[];
    computedAt: Date;
  } | null;
  threshold: number;
}) {
  const fmt = await getFormat();
  const pct = (x: number) => fmt.percent(x, 0);
  if (!health) {
    return (
      <section className="rounded-xl border border-line bg-surface p-5" aria-label="Health">
        <h2 className="font-semibold">Health</h2>
        <p className="mt-1 text-sm text-muted">
          Not scored: health is computed for customers and for trials until 30 days after their end.
        </p>
      </section>
    );
  }
  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label="Health">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold">Health</h2>
          <p className="mt-0.5 text-sm text-muted">
            100 × the weighted mean of the components below (components without data are left out and the others scale
            up). At-risk below {threshold}. Computed {fmt.dateTime(health.computedAt)}.
          </p>
        </div>
        <div className="text-2xl" data-testid="health-score">
          <HealthBadge score={health.score} weekAgo={health.scoreWeekAgo} threshold={threshold} />
        </div>
      </div>
      <DataTable
        caption="Health components"
        columns={componentColumns(pct)}
        data={health.components}
        getRowId={(c) => c.name}
        look={look}
      />
      {!health.components.some((c) => c.name === "trend") && (
        <p className="mt-3 text-sm text-muted" data-testid="health-no-activity">
          No product activity has been received for this account, so depth, breadth and trend are left out until it
          sends some.
        </p>
      )}
      {health.reasons.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Why it is low</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm" data-testid="health-reasons">
            {health.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
