// The queue's tabs (recovery, conversion, due today), each with its count of items.
import type { QueueTab } from "@/lib/types/triage";
import { QUEUE_TABS } from "@/lib/values";

/** Each tab's name, and what it holds (its title, and the table's caption). */
export const QUEUE_TAB_TEXT: Record<QueueTab, { label: string; hint: string }> = {
  recovery: { label: "Recovery", hint: "Paying customers slipping, the most MRR at risk first" },
  conversion: { label: "Conversion", hint: "Trials ending within 7 days or ended, not converted" },
  due: { label: "Due today", hint: "Follow-ups due today (or the day picked) or overdue" },
};

export function QueueTabs({
  tab,
  counts,
  onPick,
}: {
  tab: QueueTab;
  counts: Record<QueueTab, number>;
  onPick: (tab: QueueTab) => void;
}) {
  return (
    <div role="tablist" aria-label="Queues" className="mb-4 flex gap-1 border-b border-line">
      {QUEUE_TABS.map((id) => (
        <button
          key={id}
          role="tab"
          type="button"
          aria-selected={tab === id}
          title={QUEUE_TAB_TEXT[id].hint}
          onClick={() => onPick(id)}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === id ? "border-accent text-accent" : "border-transparent text-muted hover:text-ink"}`}
        >
          {QUEUE_TAB_TEXT[id].label}{" "}
          <span className="ml-1 rounded-full bg-canvas px-2 py-0.5 text-xs tabular-nums text-muted">{counts[id]}</span>
        </button>
      ))}
    </div>
  );
}
