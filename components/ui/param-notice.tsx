// A quiet line above a page for the values of its URL it ignored or changed ("Ignored
// drill=garbage: not a valid drill-through."), so a bad link still renders and says why.
import type { ParamNotice as Notice } from "@/lib/filters";

/** `testId`: a part of the page with its own notice (one the URL parsers alone cannot decide) says so. */
export function ParamNotice({ notices, testId = "param-notice" }: { notices: readonly Notice[]; testId?: string }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      data-testid={testId}
      className="mb-4 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm text-ink"
    >
      {notices.map((n, i) => (
        <p key={`${n.key}-${i}`} data-param={n.key} className="break-words">
          {n.text}
        </p>
      ))}
    </div>
  );
}
