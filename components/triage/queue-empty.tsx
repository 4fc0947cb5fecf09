// What an empty tab says: why nothing is in it, and how an account gets there.
import type { QueueTab } from "@/lib/types/triage";

const EMPTY: Record<QueueTab, { title: string; body: (threshold: number) => string }> = {
  recovery: {
    title: "Nobody is slipping",
    body: (threshold) =>
      `Customers enter when their health falls below ${threshold}. Filters may be hiding some: try All and the live statuses.`,
  },
  conversion: {
    title: "No trial needs a nudge",
    body: () => "Trials appear here 7 days before their end date, until they convert.",
  },
  due: {
    title: "No follow-ups due",
    body: () => "Log outreach with a follow-up date and the account appears here on that day.",
  },
};

export function QueueEmpty({ tab, threshold }: { tab: QueueTab; threshold: number }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-surface p-10 text-center">
      <p className="font-medium">{EMPTY[tab].title}</p>
      <p className="mx-auto mt-2 max-w-lg text-sm text-muted">{EMPTY[tab].body(threshold)}</p>
    </div>
  );
}
