const STYLE: Record<string, string> = {
  active: "bg-green-50 text-good",
  paused: "bg-amber-50 text-warn",
  trial: "bg-blue-50 text-accent",
  canceled: "bg-red-50 text-bad",
  none: "bg-canvas text-muted",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.none}`}>
      {status === "none" ? "no subscription" : status}
    </span>
  );
}
