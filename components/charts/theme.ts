// Chart colours from the one theme (app/globals.css): CSS variables, never hex values here.
export const chart = {
  positive: "var(--color-good)",
  negative: "var(--color-bad)",
  accent: "var(--color-accent)",
  muted: "var(--color-muted)",
  grid: "var(--color-line)",
  series: (i: number) => `var(--color-chart-${(i % 12) + 1})`,
  token: (token: string) => `var(--color-${token})`,
} as const;

export const axisStyle = { fontSize: 12, fill: "var(--color-muted)" } as const;
