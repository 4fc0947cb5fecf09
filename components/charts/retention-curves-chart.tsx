"use client";
// Retention by months since conversion for chosen cohorts, with the average over all cohorts.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { CohortView } from "./cohort-heatmap";
import { axisStyle, chart } from "./theme";

/** Size-weighted average at each age, over the cohorts old enough to have that age. */
export function averageCurve(cohorts: Cohort[], view: CohortView): (number | null)[] {
  const maxAge = Math.max(0, ...cohorts.map((c) => c.cells.length - 1));
  return Array.from({ length: maxAge + 1 }, (_, age) => {
    let num = 0;
    let den = 0;
    for (const c of cohorts) {
      const cell = c.cells[age];
      if (!cell) continue;
      num += view === "logo" ? cell.customers : cell.mrrCents;
      den += view === "logo" ? c.size : c.baseMrrCents;
    }
    return den === 0 ? null : num / den;
  });
}

/** The drawn numbers: one row per age, a column per chosen cohort and the average. */
export function curveRows(cohorts: Cohort[], chosen: string[], view: CohortView): Record<string, number | null>[] {
  const average = averageCurve(cohorts, view);
  return average.map((avg, age) => {
    const row: Record<string, number | null> = { age, average: avg };
    for (const c of cohorts) {
      if (!chosen.includes(c.cohort)) continue;
      const cell = c.cells[age];
      row[c.cohort] = cell ? (view === "logo" ? cell.logoRetention : cell.revenueRetention) : null;
    }
    return row;
  });
}

export function RetentionCurvesChart({ cohorts, chosen, view }: { cohorts: Cohort[]; chosen: string[]; view: CohortView }) {
  const data = curveRows(cohorts, chosen, view);
  const pct = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)} %` : "–");
  return (
    <div className="h-80">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={chart.grid} vertical={false} />
          <XAxis dataKey="age" tick={axisStyle} label={{ value: "Months since conversion", position: "insideBottom", offset: -8, style: axisStyle }} />
          <YAxis tick={axisStyle} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={48} />
          <Tooltip formatter={(v, name) => [pct(v), String(name)]} labelFormatter={(a) => `Month ${a}`} contentStyle={{ fontSize: 12 }} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          {chosen.map((c, i) => (
            <Line key={c} dataKey={c} stroke={chart.series(i)} dot={false} strokeWidth={1.5} connectNulls={false} isAnimationActive={false} />
          ))}
          <Line dataKey="average" name="Average (all cohorts)" stroke={chart.token("ink")} strokeDasharray="6 4" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
