// The month of the bar a chart's click landed on: recharts hands the bar's data row over untyped.
export function entryMonth(entry: { payload?: unknown }): string | undefined {
  const row = entry.payload;
  if (typeof row !== "object" || row === null || !("month" in row)) return undefined;
  return typeof row.month === "string" ? row.month : undefined;
}
