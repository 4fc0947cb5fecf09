// The queue's table shell: its caption, the header (with "select every row" for managers) and the rows.
import { SelectableHead } from "@/components/ui/selectable-head";

const HEAD = ["Account", "MRR", "Health", "Top reasons", "Owner · status", "Contact", "Actions"];

export function QueueTable({
  hint,
  busy,
  selectAll,
  children,
}: {
  /** What the tab holds, for the caption. */
  hint: string;
  busy: boolean;
  /** The "select every row on this page" box, for those who may select rows. */
  selectAll?: { checked: boolean; onChange: (on: boolean) => void };
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-xl border border-line bg-surface" aria-busy={busy}>
      <table className="w-full text-left text-sm" data-testid="queue-table">
        <caption className="sr-only">{hint}. Use j and k to move between rows.</caption>
        <SelectableHead
          head={HEAD}
          selectAll={selectAll ? { label: "Select every row on this page", ...selectAll } : undefined}
        />
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
