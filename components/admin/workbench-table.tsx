"use client";
// The workbench's answers as a keyboard table. It fits a 1280 px screen: long answers and codes
// wrap anywhere, and the narrow columns stack their second value under the first.
import { IntentLink } from "@/components/ui/intent-link";
import type { WorkbenchAnswer } from "@/lib/types/workbench";
import { type ColumnDef, DataTable, type RowProps, type TableLook, framedLook } from "@/components/ui/data-table";
import { useFormat } from "@/components/providers/format-provider";
import type { PendingFlag } from "./workbench-queue";
import { accountPath } from "@/lib/account-path";

/** The keyboard table's look: the frame is the caller's (it says when the list is busy), cells are tighter. */
const look: TableLook = {
  table: framedLook.table,
  thead: framedLook.thead,
  th: "whitespace-nowrap px-3 py-2 font-medium",
  tbody: framedLook.tbody,
  td: "px-3 py-2",
};

export function WorkbenchTable({
  answers,
  cursor,
  busy,
  currency,
  rowProps,
  selected,
  toggle,
  selectAll,
  flagOf,
  onHistory,
  onAccept,
  onFlip,
}: {
  answers: WorkbenchAnswer[];
  cursor: number;
  busy: boolean;
  currency: string;
  rowProps: (i: number) => RowProps;
  selected: ReadonlySet<string>;
  toggle: (ref: string, on?: boolean) => void;
  selectAll: (on: boolean) => void;
  flagOf: (a: WorkbenchAnswer) => PendingFlag | null;
  onHistory: (a: WorkbenchAnswer) => void;
  onAccept: (a: WorkbenchAnswer) => void;
  onFlip: (a: WorkbenchAnswer) => void;
}) {
  const fmt = useFormat();
  const columns: ColumnDef<WorkbenchAnswer>[] = [
    {
      id: "select",
      header: () => (
        <input
          type="checkbox"
          aria-label="Select every answer on this page"
          checked={answers.length > 0 && selected.size === answers.length}
          onChange={(e) => selectAll(e.target.checked)}
        />
      ),
      cell: ({ row: { original: a } }) => (
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select the answer of ${a.accountName}`}
          checked={selected.has(a.ref)}
          onChange={(e) => toggle(a.ref, e.target.checked)}
        />
      ),
      meta: { headerClassName: "w-8 px-3 py-2" },
    },
    {
      header: "Answer",
      cell: ({ row: { original: a } }) => (
        <>
          {a.freeText ? <span>{a.freeText}</span> : <span className="text-muted">No comment left.</span>}
          {a.competitor && <span className="block text-xs text-muted">Competitor: {a.competitor}</span>}
          <button
            type="button"
            tabIndex={-1}
            className="block text-xs text-accent hover:underline"
            onClick={() => onHistory(a)}
          >
            Filing history
          </button>
        </>
      ),
      meta: { cellClassName: "min-w-[14rem] px-3 py-2 wrap-anywhere" },
    },
    {
      header: "Reason code",
      cell: ({ row }) => row.original.reasonCode,
      meta: { cellClassName: "max-w-44 min-w-36 px-3 py-2 font-mono text-xs wrap-anywhere" },
    },
    {
      header: "Account",
      cell: ({ row: { original: a } }) => (
        <>
          <IntentLink href={accountPath(a.externalId)} className="text-accent hover:underline" tabIndex={-1}>
            {a.accountName}
          </IntentLink>
          <span className="block text-xs text-muted">{a.outcome}</span>
        </>
      ),
      meta: { cellClassName: "max-w-48 min-w-32 px-3 py-2 wrap-anywhere" },
    },
    {
      header: "MRR, date",
      cell: ({ row: { original: a } }) => (
        <>
          <span className="tabular-nums">{fmt.money(a.mrrCents, currency)}</span>
          <span className="block text-xs text-muted">{fmt.date(new Date(a.submittedAt))}</span>
        </>
      ),
      meta: { cellClassName: "whitespace-nowrap px-3 py-2" },
    },
    {
      header: "Suggestion",
      cell: ({ row: { original: a } }) =>
        a.suggestion ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onAccept(a)}
            className="rounded-2xl border border-accent/40 bg-accent/5 px-2 py-0.5 text-left text-xs text-accent"
            data-testid="suggestion"
          >
            → {a.suggestion.categoryName} <kbd className="font-mono">y</kbd>
          </button>
        ) : (
          <span className="text-muted">–</span>
        ),
      meta: { cellClassName: "max-w-44 px-3 py-2" },
    },
    {
      header: "Regrettable",
      cell: ({ row: { original: a } }) => {
        const flag = flagOf(a);
        return flag === null ? (
          <span className="text-xs text-muted" title="File the answer first: its category gives the flag">
            Not yet filed
          </span>
        ) : (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onFlip(a)}
            className="whitespace-nowrap rounded border border-line px-1.5 py-0.5 text-xs"
            title="Flip for this answer only (r)"
          >
            {flag.regrettable ? "Yes" : "No"}
            {flag.override === null ? <span className="text-muted"> (default)</span> : null}
          </button>
        );
      },
    },
  ];
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface" aria-busy={busy}>
      <DataTable
        caption="Answers to file. Use j and k to move, number keys or f to file, r to flip regrettable."
        columns={columns}
        data={answers}
        getRowId={(a) => a.ref}
        look={look}
        tableProps={{ "data-testid": "workbench-table" }}
        rowProps={(_, i) => ({
          ...rowProps(i),
          "data-testid": "answer-row",
          className: `align-top outline-none ${i === cursor ? "bg-accent-soft shadow-[inset_3px_0_0_var(--color-accent)]" : ""}`,
        })}
      />
    </div>
  );
}
