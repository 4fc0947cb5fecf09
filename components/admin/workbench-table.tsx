"use client";
// The workbench's answers as a keyboard table. It fits a 1280 px screen: long answers and codes
// wrap anywhere, and the narrow columns stack their second value under the first.
import Link from "next/link";
import type { WorkbenchAnswer } from "@/lib/types/workbench";
import { SelectableHead } from "@/components/ui/selectable-head";
import { useFormat } from "@/components/providers/format-provider";
import type { PendingFlag } from "./workbench-queue";

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
  rowProps: (i: number) => Record<string, unknown>;
  selected: ReadonlySet<string>;
  toggle: (ref: string, on?: boolean) => void;
  selectAll: (on: boolean) => void;
  flagOf: (a: WorkbenchAnswer) => PendingFlag | null;
  onHistory: (a: WorkbenchAnswer) => void;
  onAccept: (a: WorkbenchAnswer) => void;
  onFlip: (a: WorkbenchAnswer) => void;
}) {
  const fmt = useFormat();
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface" aria-busy={busy}>
      <table className="w-full text-left text-sm" data-testid="workbench-table">
        <caption className="sr-only">
          Answers to file. Use j and k to move, number keys or f to file, r to flip regrettable.
        </caption>
        <SelectableHead
          head={["Answer", "Reason code", "Account", "MRR, date", "Suggestion", "Regrettable"]}
          selectAll={{
            label: "Select every answer on this page",
            checked: answers.length > 0 && selected.size === answers.length,
            onChange: selectAll,
          }}
        />
        <tbody className="divide-y divide-line">
          {answers.map((a, i) => {
            const flag = flagOf(a);
            return (
              <tr
                key={a.ref}
                {...rowProps(i)}
                data-testid="answer-row"
                className={`align-top outline-none ${i === cursor ? "bg-accent-soft shadow-[inset_3px_0_0_var(--color-accent)]" : ""}`}
              >
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select the answer of ${a.accountName}`}
                    checked={selected.has(a.ref)}
                    onChange={(e) => toggle(a.ref, e.target.checked)}
                  />
                </td>
                <td className="min-w-[14rem] px-3 py-2 wrap-anywhere">
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
                </td>
                <td className="max-w-44 min-w-36 px-3 py-2 font-mono text-xs wrap-anywhere">{a.reasonCode}</td>
                <td className="max-w-48 min-w-32 px-3 py-2 wrap-anywhere">
                  <Link
                    href={`/accounts/${encodeURIComponent(a.externalId)}`}
                    className="text-accent hover:underline"
                    tabIndex={-1}
                  >
                    {a.accountName}
                  </Link>
                  <span className="block text-xs text-muted">{a.outcome}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <span className="tabular-nums">{fmt.money(a.mrrCents, currency)}</span>
                  <span className="block text-xs text-muted">{fmt.date(new Date(a.submittedAt))}</span>
                </td>
                <td className="max-w-44 px-3 py-2">
                  {a.suggestion ? (
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
                  )}
                </td>
                <td className="px-3 py-2">
                  {flag === null ? (
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
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
