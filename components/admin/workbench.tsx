"use client";
// The categorizing workbench, worked from the keyboard: j/k move, x selects, 1–9 file the
// selection (or the current answer) into a category, y accepts the suggestion, r flips
// regrettable, / searches. Answers are paged and searched on the server.
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useEffect, useRef, useState } from "react";
import type { WorkbenchAnswer } from "@/db/queries/workbench";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { Modal } from "@/components/ui/modal";
import { Pager } from "@/components/ui/pager";
import { SelectableHead } from "@/components/ui/selectable-head";
import { isTyping, useRowCursor } from "@/components/ui/use-row-cursor";
import { answerHistoryAction } from "@/lib/actions/categorize/answer-history";
import { fileAnswersAction } from "@/lib/actions/categorize/file-answers";
import { setRegrettableAction } from "@/lib/actions/categorize/set-regrettable";
import { workbenchFilterParsers } from "@/lib/filters";
import { useFormat } from "@/components/providers/format-provider";
import { RulesPanel, type RuleRow } from "./rules-panel";

export interface WorkbenchCategory {
  id: string;
  name: string;
  color: string;
  isUncategorized: boolean;
}

const select = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function Workbench({
  answers,
  total,
  pageSize,
  categories,
  codes,
  rules,
  currency,
}: {
  answers: WorkbenchAnswer[];
  total: number;
  pageSize: number;
  categories: WorkbenchCategory[];
  codes: { code: string; n: number }[];
  rules: RuleRow[];
  currency: string;
}) {
  const fmt = useFormat();
  const [filters, setFilters] = useQueryStates(workbenchFilterParsers, { shallow: false });
  const { run, busy, message, reload, clear } = useAction();
  const {
    cursor,
    current: row0,
    move,
    rowProps,
    selected,
    toggle,
    selectAll,
    clearSelection,
  } = useRowCursor(answers, (a) => a.ref);
  const [search, setSearch] = useState(filters.q ?? "");
  const [history, setHistory] = useState<{
    answer: WorkbenchAnswer;
    rows: { at: string; from: string; to: string; version: number; cause: string; by: string }[];
  } | null>(null);

  async function showHistory(answer: WorkbenchAnswer) {
    const result = await answerHistoryAction({ ref: answer.ref });
    if (result.ok) setHistory({ answer, rows: result.data });
  }
  const searchRef = useRef<HTMLInputElement>(null);
  // Keys 1–9: the live categories other than the one being looked at.
  const targets = categories.filter((c) => c.id !== filters.category && !c.isUncategorized).slice(0, 9);

  useEffect(() => {
    const t = setTimeout(() => {
      if ((filters.q ?? "") !== search) void setFilters({ q: search || null, page: 1 });
    }, 300);
    return () => clearTimeout(t);
  }, [search, filters.q, setFilters]);

  const chosen = (row: WorkbenchAnswer | undefined) => (selected.size > 0 ? [...selected] : row ? [row.ref] : []);
  const here = categories.find((c) => c.id === filters.category);
  const file = (refs: string[], category: { id: string; name: string }) =>
    refs.length > 0 &&
    run(
      () => fileAnswersAction({ refs, categoryId: category.id }),
      `${refs.length} ${refs.length === 1 ? "answer" : "answers"} filed under ${category.name}.`,
      () => () =>
        void run(
          () => fileAnswersAction({ refs, categoryId: filters.category }),
          `Put back in ${here?.name ?? "the category"}.`,
        ),
    );
  const flipRegrettable = (row: WorkbenchAnswer) =>
    run(
      () => setRegrettableAction({ refs: [row.ref], regrettable: !row.regrettable }),
      `Marked ${row.regrettable ? "not regrettable" : "regrettable"}.`,
      // Undo restores the answer's own override, or none (the category's default).
      () => () =>
        void run(
          () => setRegrettableAction({ refs: [row.ref], regrettable: row.regrettableOverride }),
          `Back to ${row.regrettable ? "regrettable" : "not regrettable"}.`,
        ),
    );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "/" && !isTyping(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (isTyping(e.target) || answers.length === 0 || busy) return;
      const row = row0;
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        move(e.key === "j" || e.key === "ArrowDown" ? cursor + 1 : cursor - 1);
      } else if (e.key === "x" && row) {
        e.preventDefault();
        toggle(row.ref);
      } else if (/^[1-9]$/.test(e.key)) {
        const target = targets[Number(e.key) - 1];
        if (target) {
          e.preventDefault();
          void file(chosen(row), target);
        }
      } else if (e.key === "y" && row?.suggestion) {
        e.preventDefault();
        void file([row.ref], { id: row.suggestion.categoryId, name: row.suggestion.categoryName });
      } else if (e.key === "r" && row) {
        e.preventDefault();
        void flipRegrettable(row);
      } else if (e.key === "Escape") clearSelection();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = categories.find((c) => c.id === filters.category);
  return (
    <div className="grid gap-6 2xl:grid-cols-[1fr_22rem]">
      <div>
        <form
          className="mb-4 flex flex-wrap items-end gap-3"
          aria-label="Answer filters"
          onSubmit={(e) => e.preventDefault()}
        >
          <label className="text-xs text-muted">
            Category
            <select
              className={`${select} mt-1 block`}
              value={filters.category}
              onChange={(e) => void setFilters({ category: e.target.value, code: null, page: 1 })}
            >
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-muted">
            Search the answers <kbd>/</kbd>
            <input
              ref={searchRef}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Words in the answer, or an account"
              className={`${select} mt-1 block w-72`}
            />
          </label>
          <label className="text-xs text-muted">
            Reason code
            <select
              className={`${select} mt-1 block`}
              value={filters.code ?? ""}
              onChange={(e) => void setFilters({ code: e.target.value || null, page: 1 })}
            >
              <option value="">Any</option>
              {codes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} ({c.n})
                </option>
              ))}
            </select>
          </label>
          <p className="ml-auto text-sm text-muted" data-testid="workbench-total">
            {fmt.number(total)} {total === 1 ? "answer" : "answers"} in {current?.name ?? "this category"}
          </p>
        </form>

        <div className="mb-3 flex flex-wrap items-center gap-2 text-xs" aria-label="Keys">
          <span className="text-muted">File with:</span>
          {targets.map((c, i) => (
            <button
              key={c.id}
              type="button"
              disabled={busy || answers.length === 0}
              onClick={() => void file(chosen(row0), c)}
              className="flex items-center gap-1 rounded-md border border-line bg-surface px-2 py-1 hover:bg-canvas disabled:opacity-50"
            >
              <kbd className="rounded bg-canvas px-1 font-mono">{i + 1}</kbd>
              <span className="h-2 w-2 rounded-full" style={{ background: `var(--color-${c.color})` }} aria-hidden />
              {c.name}
            </button>
          ))}
          <span className="text-muted">
            · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>y</kbd> accept suggestion · <kbd>r</kbd>{" "}
            regrettable
          </span>
        </div>

        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
        {selected.size > 0 && (
          <p className="mb-2 text-sm" role="status">
            {selected.size} selected — a number key files them all.{" "}
            <button type="button" className="text-accent" onClick={clearSelection}>
              Clear
            </button>
          </p>
        )}

        {answers.length === 0 ? (
          <div className="rounded-xl border border-dashed border-line bg-surface p-10 text-center">
            <p className="font-medium">
              {filters.q || filters.code ? "No answer matches" : `Nothing left in ${current?.name ?? "this category"}`}
            </p>
            <p className="mt-2 text-sm text-muted">
              {filters.q || filters.code
                ? "Try other words or clear the reason code."
                : "Every answer here has been filed. New answers with unknown reason codes arrive here."}
            </p>
          </div>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line bg-surface" aria-busy={busy}>
            <table className="w-full text-left text-sm" data-testid="workbench-table">
              <caption className="sr-only">Answers to file. Use j and k to move, number keys to file.</caption>
              <SelectableHead
                head={["Answer", "Reason code", "Account", "MRR", "Date", "Suggestion", "Regrettable"]}
                selectAll={{
                  label: "Select every answer on this page",
                  checked: selected.size === answers.length,
                  onChange: selectAll,
                }}
              />
              <tbody className="divide-y divide-line">
                {answers.map((a, i) => {
                  const active = i === cursor;
                  return (
                    <tr
                      key={a.ref}
                      {...rowProps(i)}
                      data-testid="answer-row"
                      className={`align-top outline-none ${active ? "bg-accent-soft shadow-[inset_3px_0_0_var(--color-accent)]" : ""}`}
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
                      <td className="min-w-[18rem] max-w-xl px-3 py-2">
                        {a.freeText ? <span>{a.freeText}</span> : <span className="text-muted">No comment left.</span>}
                        {a.competitor && <span className="block text-xs text-muted">Competitor: {a.competitor}</span>}
                        <button
                          type="button"
                          tabIndex={-1}
                          className="block text-xs text-accent hover:underline"
                          onClick={() => void showHistory(a)}
                        >
                          Filing history
                        </button>
                      </td>
                      <td className="px-3 py-2 font-mono text-xs">{a.reasonCode}</td>
                      <td className="px-3 py-2">
                        <Link
                          href={`/accounts/${encodeURIComponent(a.externalId)}`}
                          className="text-accent hover:underline"
                          tabIndex={-1}
                        >
                          {a.accountName}
                        </Link>
                        <span className="block text-xs text-muted">{a.outcome}</span>
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{fmt.money(a.mrrCents, currency)}</td>
                      <td className="whitespace-nowrap px-3 py-2">{fmt.date(new Date(a.submittedAt))}</td>
                      <td className="px-3 py-2">
                        {a.suggestion ? (
                          <button
                            type="button"
                            tabIndex={-1}
                            onClick={() =>
                              void file([a.ref], {
                                id: a.suggestion?.categoryId ?? "",
                                name: a.suggestion?.categoryName ?? "",
                              })
                            }
                            className="whitespace-nowrap rounded-full border border-accent/40 bg-accent/5 px-2 py-0.5 text-xs text-accent"
                            data-testid="suggestion"
                          >
                            → {a.suggestion.categoryName} <kbd className="font-mono">y</kbd>
                          </button>
                        ) : (
                          <span className="text-muted">–</span>
                        )}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <button
                          type="button"
                          tabIndex={-1}
                          onClick={() => void flipRegrettable(a)}
                          className="rounded border border-line px-1.5 py-0.5 text-xs"
                          title="Flip for this answer only (r)"
                        >
                          {a.regrettable ? "Yes" : "No"}
                          {a.regrettableOverride === null ? <span className="text-muted"> (default)</span> : null}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <Pager
            page={filters.page}
            pages={pages}
            params={{ category: filters.category, q: filters.q ?? undefined, code: filters.code ?? undefined }}
          />
        )}
      </div>
      <RulesPanel rules={rules} categories={categories.filter((c) => !c.isUncategorized)} />
      <Modal open={history !== null} onClose={() => setHistory(null)} labelledBy="history-title">
        {history && (
          <div className="space-y-3 p-5">
            <h2 id="history-title" className="text-lg font-semibold">
              Filing history
            </h2>
            <p className="text-sm text-muted">
              “{history.answer.freeText ?? history.answer.reasonCode}” — {history.answer.accountName}
            </p>
            {history.rows.length === 0 ? (
              <p className="text-sm">Never moved: filed on arrival by its reason code ({history.answer.reasonCode}).</p>
            ) : (
              <ol className="space-y-2 text-sm" data-testid="filing-history">
                <li className="text-muted">
                  Filed on arrival under {history.rows[0]?.from} (reason code {history.answer.reasonCode}).
                </li>
                {history.rows.map((h, i) => (
                  <li key={i}>
                    {h.from} → <strong>{h.to}</strong>
                    <span className="block text-xs text-muted">
                      {fmt.date(new Date(h.at))} · {h.by} ·{" "}
                      {h.cause === "file" ? "filed by hand" : h.cause === "rule" ? "by a rule" : h.cause} · taxonomy v
                      {h.version}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <div className="flex justify-end">
              <button
                type="button"
                onClick={() => setHistory(null)}
                className="rounded-md border border-line px-3 py-1.5 text-sm"
              >
                Close
              </button>
            </div>
          </div>
        )}
      </Modal>
    </div>
  );
}
