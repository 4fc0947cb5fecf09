"use client";
// The cohort triangle: rows are conversion months, columns months since; each cell's colour runs
// from pale (0 %) to the heat colour (100 %), and into green above 100 % (revenue can exceed its base).
import { useFormat } from "@/components/providers/format-provider";
import type { Cohort } from "@/lib/metrics/cohorts";

export type CohortView = "logo" | "revenue";

export function retentionColor(value: number | null): { background: string; color: string } {
  if (value === null) return { background: "transparent", color: "var(--color-muted)" };
  // At most 55 % of the heat colour over the surface, so the text (ink) keeps its contrast in
  // both themes; above 100 % the green takes over.
  if (value > 1) {
    const pct = Math.min(55, 25 + (value - 1) * 60);
    return { background: `color-mix(in srgb, var(--color-heat-good) ${pct}%, var(--color-surface))`, color: "var(--color-ink)" };
  }
  const pct = Math.max(3, value * 55);
  return { background: `color-mix(in srgb, var(--color-heat) ${pct}%, var(--color-surface))`, color: "var(--color-ink)" };
}

export function CohortHeatmap({
  cohorts,
  view,
  formatMoney,
  onSelect,
}: {
  cohorts: Cohort[];
  view: CohortView;
  formatMoney: (cents: number) => string;
  onSelect: (cohort: string, age: number) => void;
}) {
  const fmt = useFormat();
  const maxAge = Math.max(0, ...cohorts.map((c) => c.cells.length - 1));
  const ages = Array.from({ length: maxAge + 1 }, (_, i) => i);
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs tabular-nums">
        <caption className="sr-only">
          {view === "logo" ? "Logo retention" : "Revenue retention"} by cohort (rows) and months since conversion (columns)
        </caption>
        <thead>
          <tr className="text-muted">
            <th scope="col" className="px-2 py-1 text-left font-medium">Cohort</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Size</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Base MRR</th>
            {ages.map((a) => (
              <th key={a} scope="col" className="w-12 px-1 py-1 text-center font-medium">
                {a}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.cohort}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-medium">
                {c.cohort}
              </th>
              <td className="px-2 py-1 text-right">{c.size}</td>
              <td className="whitespace-nowrap px-2 py-1 text-right">{formatMoney(c.baseMrrCents)}</td>
              {ages.map((age) => {
                const cell = c.cells[age];
                if (!cell) return <td key={age} />;
                const value = view === "logo" ? cell.logoRetention : cell.revenueRetention;
                const style = retentionColor(value);
                const label = fmt.percent(value, 0);
                return (
                  <td key={age} className="p-0">
                    <button
                      type="button"
                      className="h-7 w-12 rounded-sm text-center hover:outline hover:outline-2 hover:outline-ink"
                      style={style}
                      onClick={() => onSelect(c.cohort, age)}
                      aria-label={`${c.cohort} cohort, month ${age}: ${label}, ${cell.customers} of ${c.size} customers, ${formatMoney(cell.mrrCents)} MRR`}
                      title={`${cell.customers} of ${c.size} customers · ${formatMoney(cell.mrrCents)} of ${formatMoney(c.baseMrrCents)}`}
                      data-testid={`cohort-cell-${c.cohort}-${age}`}
                    >
                      {label}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatmapLegend() {
  const stops = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];
  return (
    <div className="flex items-center gap-1 text-xs text-muted" aria-label="Colour scale">
      {stops.map((s) => (
        <span key={s} className="flex flex-col items-center">
          <span className="h-3 w-8 rounded-sm border border-line" style={{ background: retentionColor(s).background }} />
          {Math.round(s * 100)}%
        </span>
      ))}
    </div>
  );
}
