"use client";
// The cohort triangle: rows are conversion months, columns months since; each cell's colour runs
// one way from 0 % to 150 % (revenue can pass 100 %, and the scale goes on deepening past it).
import { useRef, useState } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { plural } from "@/lib/format";
import type { Cohort } from "@/lib/metrics/cohorts";
import { chart } from "./theme";

export type CohortView = "logo" | "revenue";

/** Value → place on the scale (0–1), in straight pieces: most of the scale goes to 40–100 %, where
 * retention mostly lies, and it keeps deepening up to 150 % (revenue); more is drawn as 150 %. */
const KNOTS: readonly (readonly [value: number, place: number])[] = [
  [0, 0],
  [0.4, 0.12],
  [1, 0.72],
  [1.5, 1],
];
/** The place of heat-1 (app/globals.css), where the text turns from heat-text to heat-ink: a
 * lightness at which both keep 4.5:1, so the scale needs no jump there. */
const TURN = 0.53;

function place(value: number): number {
  const v = Math.max(0, value);
  for (let i = 1; i < KNOTS.length; i++) {
    const [v0, p0] = KNOTS[i - 1] ?? [0, 0];
    const [v1, p1] = KNOTS[i] ?? [0, 0];
    if (v <= v1) return p0 + ((v - v0) / (v1 - v0)) * (p1 - p0);
  }
  return 1;
}

const share = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function retentionColor(value: number | null): { background: string; color: string } {
  if (value === null) return { background: "transparent", color: chart.token("muted") };
  const p = place(value);
  // Mixed in OKLab, whose lightness is even to the eye and moves in a straight line between stops.
  const mix = (from: string, to: string, t: number) =>
    `color-mix(in oklab, ${chart.token(to)} ${share(t)}, ${chart.token(from)})`;
  return p < TURN
    ? { background: mix("heat-0", "heat-1", p / TURN), color: chart.token("heat-text") }
    : { background: mix("heat-1", "heat-2", (p - TURN) / (1 - TURN)), color: chart.token("heat-ink") };
}

/** The three label columns, then `cell` rem per age: the ages share what the panel has, between
 * 2 rem (all 24 ages of the default range fit beside the menu at 1440 px) and 3 rem each. */
const tableWidth = (ages: number, cell: number) => `calc(12.5rem + ${ages} * ${cell + 0.125}rem)`;

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
      <table
        ref={tableRef}
        onKeyDown={onKeyDown}
        className="table-fixed border-separate border-spacing-0.5 text-xs tabular-nums"
        style={{ width: `min(100%, ${tableWidth(ages.length, 3)})`, minWidth: tableWidth(ages.length, 2) }}
      >
        <caption className="sr-only">
          {view === "logo" ? "Logo retention" : "Revenue retention"} by cohort (rows) and months since conversion
          (columns)
        </caption>
        <colgroup>
          <col style={{ width: "4rem" }} />
          <col style={{ width: "3rem" }} />
          <col style={{ width: "5.5rem" }} />
          {ages.map((a) => (
            <col key={a} />
          ))}
        </colgroup>
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
              <th key={a} scope="col" className="px-0 py-1 text-center font-medium">
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
                      className="h-7 w-full rounded-sm text-center text-[11px] tracking-tighter hover:outline hover:outline-2 hover:outline-ink"
                      style={style}
                      onClick={() => onSelect(c.cohort, age)}
                      onFocus={() => setActive({ row, age })}
                      tabIndex={active.row === row && active.age === age ? 0 : -1}
                      data-cell={`${row}:${age}`}
                      aria-label={`${c.cohort} cohort, month ${age}: ${label}, ${cell.customers} of ${plural(c.size, "customer")}, ${formatMoney(cell.mrrCents)} MRR`}
                      title={`${cell.customers} of ${plural(c.size, "customer")} · ${formatMoney(cell.mrrCents)} of ${formatMoney(c.baseMrrCents)}`}
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
  const fmt = useFormat();
  // The scale in steps of ten points, labelled every fifty; 150 % stands for anything above it too.
  const steps = Array.from({ length: 16 }, (_, i) => i / 10);
  return (
    <div
      className="text-xs text-muted"
      role="img"
      aria-label="Colour scale: deeper colour, higher retention, up to 150 %"
    >
      <div className="flex w-80 overflow-hidden rounded-sm border border-line">
        {steps.map((s) => (
          <span key={s} className="h-3 flex-1" style={{ background: retentionColor(s).background }} />
        ))}
      </div>
      <div className="flex w-80 justify-between">
        {[0, 0.5, 1, 1.5].map((s) => (
          <span key={s}>{s === 1.5 ? `${fmt.percent(s, 0)}+` : fmt.percent(s, 0)}</span>
        ))}
      </div>
    </div>
  );
}
