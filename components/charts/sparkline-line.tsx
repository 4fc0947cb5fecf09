"use client";
// The drawn line of a sparkline (recharts); loaded lazily through ./lazy.
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { chart } from "./theme";

export function SparklineLine({ data, format, label }: { data: { month: string; value: number | null }[]; format: (v: number | null) => string; label: string }) {
  return (
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
  );
}
