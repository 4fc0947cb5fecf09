"use client";
// The cohort triangle: rows are conversion months, columns months since; each cell's colour runs
// from pale (0 %) to the heat colour (100 %), and into green above 100 % (revenue can exceed its base).
import { useRef, useState } from "react";
import { useFormat } from "@/components/providers/format-provider";
import type { Cohort } from "@/lib/metrics/cohorts";

export type CohortView = "logo" | "revenue";

export function retentionColor(value: number | null): { background: string; color: string } {
  if (value === null) return { background: "transparent", color: "var(--color-muted)" };
  // At most 55 % of the heat colour over the surface, so the text (ink) keeps its contrast in
  // both themes; above 100 % the green takes over.
  if (value > 1) {
    const pct = Math.min(55, 25 + (value - 1) * 60);
    return {
      background: `color-mix(in srgb, var(--color-heat-good) ${pct}%, var(--color-surface))`,
      color: "var(--color-ink)",
    };
  }
  const pct = Math.max(3, value * 55);
  return {
    background: `color-mix(in srgb, var(--color-heat) ${pct}%, var(--color-surface))`,
    color: "var(--color-ink)",
  };
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
  // One tab stop for the whole triangle (the cell last focused); arrow keys move between cells.
  const [focused, setActive] = useState({ row: 0, age: 0 });
  // Kept inside the triangle when the filters change it.
  const activeRow = Math.max(0, Math.min(focused.row, cohorts.length - 1));
  const active = {
    row: activeRow,
    age: Math.max(0, Math.min(focused.age, (cohorts[activeRow]?.cells.length ?? 1) - 1)),
  };
  const tableRef = useRef<HTMLTableElement>(null);
  const focusCell = (row: number, age: number) => {
    const r = Math.max(0, Math.min(cohorts.length - 1, row));
    const cells = cohorts[r]?.cells.length ?? 0;
    const a = Math.max(0, Math.min(cells - 1, age));
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${r}:${a}"]`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
    };
    const move = moves[e.key];
    if (move) focusCell(active.row + move[0], active.age + move[1]);
    else if (e.key === "Home") focusCell(active.row, 0);
    else if (e.key === "End") focusCell(active.row, maxAge);
    else return;
    e.preventDefault();
  };
  return (
    <div className="overflow-x-auto">
      <p className="sr-only">Arrow keys move between cells; Enter opens the accounts a cell counts.</p>
      <table ref={tableRef} onKeyDown={onKeyDown} className="border-separate border-spacing-0.5 text-xs tabular-nums">
        <caption className="sr-only">
          {view === "logo" ? "Logo retention" : "Revenue retention"} by cohort (rows) and months since conversion
          (columns)
        </caption>
        <thead>
          <tr className="text-muted">
            <th scope="col" className="px-2 py-1 text-left font-medium">
              Cohort
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              Size
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              Base MRR
            </th>
            {ages.map((a) => (
              <th key={a} scope="col" className="w-12 px-1 py-1 text-center font-medium">
                {a}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c, row) => (
            <tr key={c.cohort}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-medium">
                {c.cohort}
              </th>
              <td className="px-2 py-1 text-right">{fmt.number(c.size)}</td>
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
                      onFocus={() => setActive({ row, age })}
                      tabIndex={active.row === row && active.age === age ? 0 : -1}
                      data-cell={`${row}:${age}`}
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
          <span
            className="h-3 w-8 rounded-sm border border-line"
            style={{ background: retentionColor(s).background }}
          />
          {Math.round(s * 100)}%
        </span>
      ))}
    </div>
  );
}
