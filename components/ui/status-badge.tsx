const STYLE: Record<string, string> = {
  active: "bg-good-soft text-good",
  paused: "bg-warn-soft text-warn",
  trial: "bg-accent-soft text-accent",
  canceled: "bg-bad-soft text-bad",
  none: "bg-canvas text-muted",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.none}`}>
      {status === "none" ? "no subscription" : status}
    </span>
  );
}
