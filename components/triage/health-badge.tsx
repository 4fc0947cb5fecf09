// A health score with its 7-day trend: colour by band, arrow by direction.
export function HealthBadge({
  score,
  weekAgo,
  threshold,
}: {
  score: number | null;
  weekAgo: number | null;
  threshold: number;
}) {
  if (score === null) return <span className="text-muted">–</span>;
  const rounded = Math.round(score);
  const tone =
    score < threshold
      ? "bg-bad-soft text-bad"
      : score < threshold + 20
        ? "bg-warn-soft text-warn"
        : "bg-good-soft text-good";
  const delta = weekAgo === null ? null : Math.round(score - weekAgo);
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className={`rounded-md px-1.5 py-0.5 text-sm font-semibold tabular-nums ${tone}`}>{rounded}</span>
      {delta !== null && delta !== 0 && (
        <span
          className={`text-xs tabular-nums ${delta < 0 ? "text-bad" : "text-good"}`}
          title={`${delta > 0 ? "+" : ""}${delta} over 7 days (was ${Math.round(weekAgo ?? 0)})`}
        >
          {delta < 0 ? "▼" : "▲"} {Math.abs(delta)}
          <span className="sr-only"> points over 7 days</span>
        </span>
      )}
    </span>
  );
}
