// A small trend line under a figure: one SVG path, drawn with the page (no chart library, no work
// after load). Gaps where a month has no value; each month's value in its hover title and all of
// them in the label.
import { chart } from "./theme";

const W = 100;
const H = 40;
const PAD = 3;

/** The path through the values scaled into the box; null values break the line. */
export function sparklinePath(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return "";
  const min = Math.min(...known);
  const max = Math.max(...known);
  const x = (i: number) => (values.length === 1 ? W / 2 : (i / (values.length - 1)) * W);
  const y = (v: number) => (max === min ? H / 2 : PAD + (1 - (v - min) / (max - min)) * (H - 2 * PAD));
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(2)} ${y(v).toFixed(2)}`;
    pen = true;
  });
  return d;
}

export function Sparkline({
  data,
  format,
  label,
}: {
  data: { month: string; value: number | null }[];
  format: (v: number | null) => string;
  label: string;
}) {
  const step = data.length > 1 ? W / (data.length - 1) : W;
  return (
    <svg
      className="h-12 w-full"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}, month by month: ${data.map((d) => `${d.month} ${format(d.value)}`).join(", ")}`}
    >
      <path
        d={sparklinePath(data.map((d) => d.value))}
        fill="none"
        stroke={chart.accent}
        strokeWidth={1.5}
        vectorEffect="non-scaling-stroke"
        strokeLinejoin="round"
      />
      {data.map((d, i) => (
        <rect key={d.month} x={i * step - step / 2} y={0} width={step} height={H} fill="transparent">
          <title>{`${d.month}: ${format(d.value)}`}</title>
        </rect>
      ))}
    </svg>
  );
}
