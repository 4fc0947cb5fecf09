// What an empty tab says: why nothing is in it, and how an account gets there.
import type { QueueTab } from "./queue-tabs";

export function QueueEmpty({ tab, threshold }: { tab: QueueTab; threshold: number }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-surface p-10 text-center">
      <p className="font-medium">
        {tab === "due" ? "No follow-ups due" : tab === "conversion" ? "No trial needs a nudge" : "Nobody is slipping"}
      </p>
      <p className="mx-auto mt-2 max-w-lg text-sm text-muted">
        {tab === "due"
          ? "Log outreach with a follow-up date and the account appears here on that day."
          : tab === "conversion"
            ? "Trials appear here 7 days before their end date, until they convert."
            : `Customers enter when their health falls below ${threshold}. Filters may be hiding some: try All and the live statuses.`}
      </p>
    </div>
  );
}
