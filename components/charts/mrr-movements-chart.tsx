"use client";
// MRR movements per month as a diverging stacked bar: gains up, losses down. Display only; a click
// on a bar reports its movement and month.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChurnMonth } from "@/lib/metrics/churn";
import { entryMonth } from "./entry-month";
import { MOVEMENT_SERIES } from "./series";
import { axisStyle, chart } from "./theme";

export function MrrMovementsChart({
  months,
  formatMoney,
  formatTick = formatMoney,
  onSelect,
}: {
  months: ChurnMonth[];
  /** Amounts in the tooltip: the same form as the page's figures and tables. */
  formatMoney: (cents: number) => string;
  /** The axis labels, where a shorter form fits. */
  formatTick?: (cents: number) => string;
  onSelect: (figure: string, month: string) => void;
}) {
  const data = months.map((m) => ({
    month: m.month,
    ...Object.fromEntries(MOVEMENT_SERIES.map((s) => [s.key, s.sign * m[s.key]])),
  }));
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke={chart.grid} />
          <XAxis dataKey="month" tick={axisStyle} tickLine={false} />
          <YAxis tick={axisStyle} tickFormatter={(v: number) => formatTick(v)} width={72} />
          <ReferenceLine y={0} stroke={chart.muted} />
          <Tooltip
            formatter={(v, name) => [formatMoney(Math.abs(Number(v))), String(name)]}
            contentStyle={{ fontSize: 12 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {MOVEMENT_SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="mrr"
              fill={s.color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry) => {
                const month = entryMonth(entry);
                if (month) onSelect(s.figure, month);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
