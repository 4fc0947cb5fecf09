"use client";
// The categorizing workbench, worked from the keyboard: j/k move, x selects, 1–9 file the
// selection (or the current answer) into a category, f opens a palette of every category, y accepts
// the suggestion, r flips regrettable, / searches. Every press is carried out, in order (see
// workbench-queue.ts). Answers are paged and searched on the server.
import { useQueryStates } from "nuqs";
import { useEffect, useRef, useState } from "react";
import { ActionNotice } from "@/components/ui/use-action";
import { Pager } from "@/components/ui/pager";
import { isTyping, useRowCursor } from "@/components/ui/use-row-cursor";
import { answerHistoryAction } from "@/lib/actions/categorize/answer-history";
import { fileAnswersAction } from "@/lib/actions/categorize/file-answers";
import { setRegrettableAction } from "@/lib/actions/categorize/set-regrettable";
import { workbenchFilterParsers } from "@/lib/filters";
import type { ReasonCodeCount, RuleRow, WorkbenchAnswer, WorkbenchCategory } from "@/lib/types/workbench";
import { plural } from "@/lib/format";
import { FilingPalette } from "./filing-palette";
import { RulesPanel } from "./rules-panel";
import { type AnswerHistory, WorkbenchHistory } from "./workbench-history";
import { useWorkbenchQueue } from "./workbench-queue";
import { WorkbenchFilterBar } from "./workbench-filters";
import { WorkbenchEmpty, WorkbenchKeys } from "./workbench-keys";
import { WorkbenchTable } from "./workbench-table";

const NOT_YET_FILED =
  "This answer is not yet filed, so it is neither regrettable nor not: file it into a category first; its flag comes from there.";

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
  codes: ReasonCodeCount[];
  rules: RuleRow[];
  currency: string;
}) {
  const [filters, setFilters] = useQueryStates(workbenchFilterParsers, { shallow: false });
  const queue = useWorkbenchQueue(answers);
  const { busy, message, reload, clear, say, waiting } = queue;
  // The answers as they will be once the queued writes are done: a filed answer leaves at once.
  const visible = queue.visible;
  const {
    cursor,
    current: row0,
    move,
    rowProps,
    selected,
    toggle,
    selectAll,
    clearSelection,
  } = useRowCursor(visible, (a) => a.ref);
  const [search, setSearch] = useState(filters.q ?? "");
  const [history, setHistory] = useState<AnswerHistory | null>(null);
  const [palette, setPalette] = useState<string[] | null>(null);

  async function showHistory(answer: WorkbenchAnswer) {
    const result = await answerHistoryAction({ ref: answer.ref });
    if (result.ok) setHistory({ answer, rows: result.data });
  }
  const searchRef = useRef<HTMLInputElement>(null);
  // Every live category but the one being looked at can be filed into (from the palette); keys
  // 1–9 are shortcuts to the first nine of them other than Uncategorized.
  const destinations = categories.filter((c) => c.id !== filters.category);
  const targets = destinations.filter((c) => !c.isUncategorized).slice(0, 9);
  const shortcuts = new Map(targets.map((c, i) => [c.id, i + 1]));

  useEffect(() => {
    const t = setTimeout(() => {
      if ((filters.q ?? "") !== search) void setFilters({ q: search || null, page: 1 });
    }, 300);
    return () => clearTimeout(t);
  }, [search, filters.q, setFilters]);

  // When the answer under the cursor leaves the list, the focus goes with it: give it to the answer
  // now under the cursor, so the keys keep working from there.
  const focusedFor = useRef(visible);
  useEffect(() => {
    if (focusedFor.current === visible) return;
    focusedFor.current = visible;
    if (document.activeElement === document.body && visible.length > 0) move(cursor);
  });

  /** The answer under the cursor as of this press (earlier presses may not have re-rendered yet). */
  const rowNow = () => {
    const rows = queue.showing();
    return rows[Math.min(cursor, rows.length - 1)];
  };
  const chosen = (row: WorkbenchAnswer | undefined) => {
    const shown = new Set(queue.showing().map((a) => a.ref));
    const picked = [...selected].filter((r) => shown.has(r));
    return picked.length > 0 ? picked : row ? [row.ref] : [];
  };
  const here = categories.find((c) => c.id === filters.category);
  const file = (refs: string[], category: { id: string; name: string }) => {
    if (refs.length === 0) return;
    queue.moveAway(
      refs,
      () => fileAnswersAction({ refs, categoryId: category.id }),
      `${plural(refs.length, "answer")} filed under ${category.name}.`,
      () => () =>
        queue.undo(
          refs,
          () => fileAnswersAction({ refs, categoryId: filters.category }),
          `Put back in ${here?.name ?? "the category"}.`,
        ),
    );
  };
  const flipRegrettable = (row: WorkbenchAnswer) => {
    const now = queue.flagNow(row);
    if (now === null) {
      say({ tone: "error", text: NOT_YET_FILED });
      return;
    }
    const to = !now.regrettable;
    queue.flag(
      row.ref,
      { regrettable: to, override: to },
      () => setRegrettableAction({ refs: [row.ref], regrettable: to }),
      `Marked ${to ? "regrettable" : "not regrettable"}.`,
      // Undo restores the answer's own override, or none (the category's default).
      () => () =>
        queue.flag(
          row.ref,
          now,
          () => setRegrettableAction({ refs: [row.ref], regrettable: now.override }),
          `Back to ${now.regrettable ? "regrettable" : "not regrettable"}.`,
        ),
    );
  };

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "/" && !isTyping(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (isTyping(e.target) || answers.length === 0) return;
      const row = rowNow();
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        move(e.key === "j" || e.key === "ArrowDown" ? cursor + 1 : cursor - 1);
      } else if (e.key === "x" && row) {
        e.preventDefault();
        toggle(row.ref);
      } else if (/^[1-9]$/.test(e.key)) {
        const target = targets[Number(e.key) - 1];
        e.preventDefault();
        if (target) file(chosen(row), target);
        else say({ tone: "error", text: `No category has the key ${e.key}: press f to choose from all of them.` });
      } else if (e.key === "f" && row) {
        e.preventDefault();
        setPalette(chosen(row));
      } else if (e.key === "y" && row?.suggestion) {
        e.preventDefault();
        file([row.ref], { id: row.suggestion.categoryId, name: row.suggestion.categoryName });
      } else if (e.key === "r" && row) {
        e.preventDefault();
        flipRegrettable(row);
      } else if (e.key === "Escape") clearSelection();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = categories.find((c) => c.id === filters.category);
  // The server's count, less the answers already filed away and not yet gone from its list.
  const shownTotal = Math.max(0, total - (answers.length - visible.length));
  return (
    <div className="grid gap-6 2xl:grid-cols-[1fr_22rem]">
      <div>
        <WorkbenchFilterBar
          category={filters.category}
          code={filters.code}
          categories={categories}
          codes={codes}
          search={search}
          searchRef={searchRef}
          total={shownTotal}
          onSearch={setSearch}
          onCategory={(category) => void setFilters({ category, code: null, page: 1 })}
          onCode={(code) => void setFilters({ code, page: 1 })}
        />
        <WorkbenchKeys
          targets={targets}
          disabled={visible.length === 0}
          onFile={(c) => file(chosen(row0), c)}
          onPalette={() => setPalette(chosen(row0))}
        />

        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
        {waiting > 1 && (
          <p className="mb-2 text-sm text-muted" role="status">
            Saving: {plural(waiting, "change")} waiting their turn.
          </p>
        )}
        {selected.size > 0 && (
          <p className="mb-2 text-sm" role="status">
            {selected.size} selected — a number key or <kbd>f</kbd> files them all.{" "}
            <button type="button" className="text-accent" onClick={clearSelection}>
              Clear
            </button>
          </p>
        )}

        {visible.length === 0 ? (
          <WorkbenchEmpty filtered={Boolean(filters.q || filters.code)} category={current?.name ?? "this category"} />
        ) : (
          <WorkbenchTable
            answers={visible}
            cursor={cursor}
            busy={busy}
            currency={currency}
            rowProps={rowProps}
            selected={selected}
            toggle={toggle}
            selectAll={selectAll}
            flagOf={queue.flagOf}
            onHistory={(a) => void showHistory(a)}
            onAccept={(a) =>
              a.suggestion && file([a.ref], { id: a.suggestion.categoryId, name: a.suggestion.categoryName })
            }
            onFlip={flipRegrettable}
          />
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
      <FilingPalette
        open={palette !== null}
        count={palette?.length ?? 0}
        categories={destinations}
        shortcuts={shortcuts}
        onFile={(c) => file(palette ?? [], c)}
        onClose={() => setPalette(null)}
      />
      <WorkbenchHistory history={history} onClose={() => setHistory(null)} />
    </div>
  );
}
