"use client";
// The accounts behind a clicked figure, in a modal dialog; the open drill lives in the URL.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { addToQueueAction } from "@/lib/actions/triage/add-to-queue";
import { drillParams, useDrill, useMetricsFilters } from "@/components/metrics/use-filters";
import type { Formatter } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { drillQuery } from "@/lib/query/metrics";
import { useAction } from "@/components/ui/use-action";
import { DrillTable } from "./drill-table";

const FIGURE_TITLE: Record<string, string> = {
  customersStart: "Customers at the start of",
  customersEnd: "Customers at the end of",
  new: "New customers in",
  reactivated: "Reactivated in",
  churned: "Churned in",
  newAndLost: "New and lost in",
  expansion: "Expanded in",
  contraction: "Contracted in",
};

const SESSION_TITLE: Record<string, string> = {
  open: "still open",
  saved: "that ended saved",
  canceled: "that ended canceled",
  abandoned: "abandoned (opened, never finished)",
  expired: "expired (never opened)",
};

/** `categoryNames` maps a reason category's slug to its name: titles name categories, never slugs. */
export function drillTitle(drill: string, fmt: Formatter, categoryNames: Record<string, string> = {}): string {
  const p = drillParams(drill);
  if (p.figure === "cohort")
    return `${fmt.month(p.cohort ?? "")} cohort, month ${p.age}: customers at that month’s end`;
  if (p.figure === "reasons")
    return `Accounts with answers filed under “${categoryNames[p.category ?? ""] ?? p.category}”${p.month ? ` in ${fmt.month(p.month)}` : ""}`;
  if (p.figure === "sessions") return `Accounts with a cancel session ${SESSION_TITLE[p.status ?? ""] ?? p.status}`;
  if (p.figure === "variant") return `Accounts whose session of variant ${p.variant} ended saved or canceled`;
  if (p.figure === "watchlist") return "The watchlist: opened the cancel page in the last 30 days and did not cancel";
  return `${FIGURE_TITLE[p.figure ?? ""] ?? p.figure} ${fmt.month(p.month ?? "")}`;
}

export function DrillPanel({
  currency,
  categoryNames,
}: {
  currency: string;
  /** The reason categories' names by slug, where the page has reasons. */
  categoryNames?: Record<string, string>;
}) {
  const fmt = useFormat();
  const [drill, setDrill] = useDrill();
  const [filters] = useMetricsFilters();
  const dialog = useRef<HTMLDialogElement>(null);
  const query = useQuery({ ...drillQuery(filters, drill ? drillParams(drill) : {}), enabled: drill !== null });
  // The write refreshes the page once, as every action does; its answer is shown in the dialog.
  const { run, message: queued, clear } = useAction();
  // The queue message belongs to the drill it was given in: opening another one (or none) clears it,
  // during render rather than in an effect, so a stale message is never painted.
  const [queuedDrill, setQueuedDrill] = useState(drill);
  if (queuedDrill !== drill) {
    setQueuedDrill(drill);
    clear();
  }

  function addToQueue(externalIds: string[]) {
    void run(
      () => addToQueueAction({ externalIds }),
      ({ added, alreadyQueued }) =>
        `${added} added to the at-risk queue${alreadyQueued > 0 ? `; ${alreadyQueued} already in it` : ""}.`,
    );
  }

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (drill && !d.open) d.showModal();
    if (!drill && d.open) d.close();
  }, [drill]);

  return (
    <dialog
      ref={dialog}
      onClose={() => setDrill(null)}
      aria-labelledby="drill-title"
      className="m-auto max-h-[80vh] w-[min(900px,92vw)] rounded-xl border border-line bg-surface p-0 shadow-xl backdrop:bg-black/30"
    >
      {drill && (
        <div className="flex max-h-[80vh] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-line p-5">
            <div>
              <h2 id="drill-title" className="text-lg font-semibold">
                {drillTitle(drill, fmt, categoryNames)}
              </h2>
              <p className="text-sm text-muted" data-testid="drill-count">
                {query.data
                  ? `${fmt.number(query.data.total)} ${query.data.total === 1 ? "account" : "accounts"}`
                  : "Loading…"}
                {query.data && query.data.total > query.data.accounts.length
                  ? ` (the first ${query.data.accounts.length} shown)`
                  : ""}
              </p>
            </div>
            <div className="flex shrink-0 gap-2">
              {query.data && query.data.accounts.length > 0 && (
                <button
                  type="button"
                  onClick={() => addToQueue(query.data.accounts.map((a) => a.externalId))}
                  className="rounded-md border border-line px-3 py-1 text-sm"
                >
                  Add {query.data.accounts.length === 1 ? "it" : `these ${query.data.accounts.length}`} to queue
                </button>
              )}
              <button
                type="button"
                onClick={() => setDrill(null)}
                className="rounded-md border border-line px-3 py-1 text-sm"
                autoFocus
              >
                Close
              </button>
            </div>
          </header>
          <div className="overflow-y-auto p-5">
            {queued && (
              <p
                role="status"
                className={`mb-3 text-sm ${queued.tone === "ok" ? "text-good" : "text-bad"}`}
                data-testid="drill-queued"
              >
                {queued.text}
              </p>
            )}
            {query.isError && <p className="text-bad">Could not load the accounts: {query.error.message}</p>}
            {query.data && query.data.accounts.length === 0 && (
              <p className="text-muted">No account is behind this figure.</p>
            )}
            {query.data && query.data.accounts.length > 0 && (
              <DrillTable accounts={query.data.accounts} currency={currency} onAdd={addToQueue} />
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
