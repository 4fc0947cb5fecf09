"use client";
// Responses (or MRR lost) per category per month, stacked. Display only; a click reports the bar.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { entryMonth } from "./entry-month";
import { axisStyle, chart } from "./theme";

export interface CategorySeries {
  slug: string;
  name: string;
  color: string;
}

export function ReasonsByMonthChart({
  rows,
  categories,
  format,
  axisFormat = format,
  onSelect,
}: {
  rows: Record<string, number | string>[];
  categories: CategorySeries[];
  /** Values in the tooltip. */
  format: (v: number) => string;
  /** Values on the axis (compact money fits there; the tooltip keeps whole units). */
  axisFormat?: (v: number) => string;
  onSelect: (category: string, month: string) => void;
}) {
  return (
    <div className="h-80">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke={chart.grid} />
          <XAxis dataKey="month" tick={axisStyle} tickLine={false} />
          <YAxis tick={axisStyle} tickFormatter={(v: number) => axisFormat(v)} width={64} allowDecimals={false} />
          <Tooltip formatter={(v, name) => [format(Number(v)), String(name)]} contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {categories.map((c) => (
            <Bar
              key={c.slug}
              dataKey={c.slug}
              name={c.name}
              stackId="reasons"
              fill={chart.token(c.color)}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry) => {
                const month = entryMonth(entry);
                if (month) onSelect(c.slug, month);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
