"use client";
// Retention by months since conversion for chosen cohorts, with the average over all cohorts.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { CohortView } from "./cohort-heatmap";
import { useFormat } from "@/components/providers/format-provider";
import { curveRows } from "./curves";
import { axisStyle, chart } from "./theme";

export function RetentionCurvesChart({
  cohorts,
  chosen,
  view,
}: {
  cohorts: Cohort[];
  chosen: string[];
  view: CohortView;
}) {
  const data = curveRows(cohorts, chosen, view);
  const fmt = useFormat();
  const pct = (v: unknown) => fmt.percent(typeof v === "number" ? v : null);
  return (
    <div className="h-80">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={chart.grid} vertical={false} />
          <XAxis
            dataKey="age"
            tick={axisStyle}
            label={{ value: "Months since conversion", position: "insideBottom", offset: -8, style: axisStyle }}
          />
          <YAxis tick={axisStyle} tickFormatter={(v: number) => fmt.percent(v, 0)} width={48} />
          <Tooltip
            formatter={(v, name) => [pct(v), String(name)]}
            labelFormatter={(a) => `Month ${a}`}
            contentStyle={{ fontSize: 12 }}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          {chosen.map((c, i) => (
            <Line
              key={c}
              dataKey={c}
              stroke={chart.series(i)}
              dot={false}
              strokeWidth={1.5}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          <Line
            dataKey="average"
            name="Average (all cohorts)"
            stroke={chart.token("ink")}
            strokeDasharray="6 4"
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
