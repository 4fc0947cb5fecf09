"use client";
// Answers per save offer: saved, not saved, and still pending (the 30 days are not over), apart.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisStyle, chart } from "./theme";

export interface OfferRow {
  offer: string;
  saved: number;
  notSaved: number;
  pending: number;
}

export function SaveRateChart({ rows }: { rows: OfferRow[] }) {
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 16 }}>
          <CartesianGrid horizontal={false} stroke={chart.grid} />
          <XAxis type="number" tick={axisStyle} allowDecimals={false} />
          <YAxis type="category" dataKey="offer" tick={axisStyle} width={96} />
          <Tooltip contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="saved" name="Saved" stackId="o" fill={chart.positive} isAnimationActive={false} />
          <Bar dataKey="notSaved" name="Not saved" stackId="o" fill={chart.series(2)} isAnimationActive={false} />
          <Bar
            dataKey="pending"
            name="Pending (under 30 days)"
            stackId="o"
            fill={chart.series(9)}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
