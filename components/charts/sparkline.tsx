"use client";
// A small trend line under a figure; display only.
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { chart } from "./theme";

export function Sparkline({ data, format, label }: { data: { month: string; value: number | null }[]; format: (v: number | null) => string; label: string }) {
  return (
    <div className="h-12" role="img" aria-label={`${label}, month by month: ${data.map((d) => `${d.month} ${format(d.value)}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={["auto", "auto"]} />
          <Tooltip
            formatter={(v) => [format(typeof v === "number" ? v : null), label]}
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.month ?? "")}
            contentStyle={{ fontSize: 12 }}
          />
          <Line type="monotone" dataKey="value" stroke={chart.accent} strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
