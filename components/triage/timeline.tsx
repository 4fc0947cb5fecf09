// One merged timeline of an account: billing, weekly activity, signals, survey answers, outreach.
import type { TimelineEntry, TimelineKind } from "@/lib/types/timeline";
import { getFormat } from "@/lib/locale-server";

const KIND: Record<TimelineKind, { label: string; dot: string }> = {
  subscription: { label: "Billing", dot: "bg-chart-1" },
  activity: { label: "Activity", dot: "bg-chart-7" },
  signal: { label: "Signal", dot: "bg-chart-4" },
  answer: { label: "Survey", dot: "bg-chart-3" },
  outreach: { label: "Outreach", dot: "bg-chart-2" },
};

export async function Timeline({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  const fmt = await getFormat();
  return (
    <ol className="relative space-y-3 border-l border-line pl-5" data-testid="timeline">
      {entries.map((e, i) => (
        <li key={`${e.kind}-${e.at.getTime()}-${i}`} className="relative" data-kind={e.kind}>
          <span
            className={`absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-surface ${KIND[e.kind].dot}`}
            aria-hidden
          />
          <p className="text-xs text-muted">
            <span className="font-medium uppercase tracking-wide">{KIND[e.kind].label}</span> ·{" "}
            {e.kind === "activity" ? `week of ${fmt.date(e.at)}` : fmt.dateTime(e.at)}
          </p>
          <p className="text-sm">
            {e.title}
            {e.mrrAfterCents !== undefined && e.mrrAfterCents > 0
              ? ` — MRR ${fmt.money(e.mrrAfterCents, currency)}`
              : ""}
          </p>
          {e.detail && <p className="whitespace-pre-line text-sm text-muted">{e.detail}</p>}
          {e.followUpOn && <p className="text-sm text-muted">Follow up on {fmt.date(e.followUpOn)}</p>}
        </li>
      ))}
    </ol>
  );
}
