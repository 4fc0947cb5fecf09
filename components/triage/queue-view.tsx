"use client";
// The at-risk queue: tabs, filters in the URL, and a table worked from the keyboard —
// j/k move, a assigns to me, o logs outreach, s snoozes, x selects, Enter opens the account.
// A key acts on the row under the cursor when it was pressed; the page offers only what the
// server allows (on a colleague's item a cs agent may log outreach, nothing else).
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import type { QueueRow } from "@/lib/types/triage";
import { bulkAssignAction } from "@/lib/actions/triage/bulk-assign";
import { changeTriageItemAction } from "@/lib/actions/triage/change-triage-item";
import { queueFilterParsers } from "@/lib/filters";
import { QUEUE_STATUS_FILTERS, STATUS_LABEL, type TriageStatus } from "@/lib/values";
import { utcDay } from "./dates";
import { OutreachDialog, type OutreachTarget } from "./outreach-dialog";
import { QueueTableRow } from "./queue-table-row";
import { SnoozeDialog, type SnoozeTarget } from "./snooze-dialog";
import { type TriageAnswer, useWrittenItems } from "./use-written-items";
import { SegmentSelect } from "@/components/filters/segment-select";
import { Pager } from "@/components/ui/pager";
import { SelectableHead } from "@/components/ui/selectable-head";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/safe-action";
import { isTyping, useRowCursor } from "@/components/ui/use-row-cursor";

export interface QueueViewProps {
  rows: QueueRow[];
  counts: { recovery: number; conversion: number; due: number };
  total: number;
  pageSize: number;
  me: { id: string; name: string; canAssignAnyone: boolean };
  users: { id: string; name: string }[];
  threshold: number;
  currency: string;
}

const TABS = [
  { id: "recovery", label: "Recovery", hint: "Paying customers slipping, the most MRR at risk first" },
  { id: "conversion", label: "Conversion", hint: "Trials ending within 7 days or ended, not converted" },
  { id: "due", label: "Due today", hint: "Follow-ups due today (or the day picked) or overdue" },
] as const;

const STATUS_FILTER_LABEL: Record<(typeof QUEUE_STATUS_FILTERS)[number], string> = {
  live: "Open, contacted or in progress",
  snoozed: "Snoozed",
  ...STATUS_LABEL,
};
const select = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

export function QueueView({ rows, counts, total, pageSize, me, users, threshold, currency }: QueueViewProps) {
  const [filters, setFilters] = useQueryStates(queueFilterParsers, { shallow: false });
  const router = useRouter();
  const { run, busy, message, say, reload, clear } = useAction();
  const nameOf = (id: string) => (id === me.id ? me.name : (users.find((u) => u.id === id)?.name ?? null));
  const items = useWrittenItems(rows, nameOf);
  const shown = items.rows;
  const { cursor, cursorKey, current, move, rowProps, selected, toggle, selectAll, clearSelection } = useRowCursor(
    shown,
    (r) => r.id,
  );
  const [outreach, setOutreach] = useState<OutreachTarget | null>(null);
  const [snooze, setSnooze] = useState<SnoozeTarget | null>(null);
  const [bulkTo, setBulkTo] = useState("");

  // Rows kept in place after a change go once the cursor moves on, or the filters change.
  const [seenCursor, setSeenCursor] = useState(cursorKey);
  if (seenCursor !== cursorKey) {
    setSeenCursor(cursorKey);
    items.release(cursorKey);
  }
  const filterKey = JSON.stringify(filters);
  const [seenFilters, setSeenFilters] = useState(filterKey);
  if (seenFilters !== filterKey) {
    setSeenFilters(filterKey);
    items.release(null);
    // A notice speaks of a row of the view it was given in; another tab or filter is another view.
    clear();
  }

  const canChange = (row: QueueRow) => me.canAssignAnyone || row.assigneeId === null || row.assigneeId === me.id;
  /** Whose item this is, when it is not this person's to change (a cs agent on a colleague's). */
  const ownerIfNotMine = (row: QueueRow) => (canChange(row) ? null : (row.assigneeName ?? "a colleague"));
  const refuse = (row: QueueRow, verb: string) =>
    say({
      tone: "error",
      text: `${row.name} is ${ownerIfNotMine(row)}’s: only they or a manager can ${verb} it. You can log outreach on it.`,
    });

  /** Runs a write on `id`'s item: the row shows the answer at once and stays until the cursor moves. */
  const write = (
    id: string | undefined,
    call: () => Promise<ActionResult<TriageAnswer>>,
    success: string,
    undo?: (data: TriageAnswer) => () => void,
  ) => items.track(id, run(call, success, undo));

  const assignToMe = (row: QueueRow) =>
    write(
      row.id,
      () => changeTriageItemAction({ id: row.id, version: row.version, assigneeId: me.id }),
      `${row.name} is assigned to you.`,
      ({ version }) =>
        () =>
          void write(
            row.id,
            () => changeTriageItemAction({ id: row.id, version, assigneeId: row.assigneeId }),
            `${row.name} is back with ${row.assigneeName ?? "nobody"}.`,
          ),
    );
  const setStatus = (row: QueueRow, status: TriageStatus) =>
    write(
      row.id,
      () => changeTriageItemAction({ id: row.id, version: row.version, status }),
      `${row.name}: ${STATUS_LABEL[status].toLowerCase()}.`,
      ({ version }) =>
        () =>
          void write(
            row.id,
            () => changeTriageItemAction({ id: row.id, version, status: row.status }),
            `${row.name} is back to ${STATUS_LABEL[row.status].toLowerCase()}.`,
          ),
    );
  const openOutreach = (row: QueueRow) =>
    setOutreach({
      accountExternalId: row.externalId,
      accountName: row.name,
      item: { id: row.id, version: row.version },
      owner: ownerIfNotMine(row),
    });
  const openSnooze = (row: QueueRow) =>
    setSnooze({ id: row.id, version: row.version, accountName: row.name, snoozedUntil: row.snoozedUntil });

  /** A key binds to the row it was pressed on: after any write of that row still on its way. */
  async function onRowKey(pressed: QueueRow, key: "a" | "o" | "s") {
    const row = await items.settled(pressed);
    if (key === "o") openOutreach(row);
    else if (!canChange(row)) refuse(row, key === "a" ? "reassign" : "snooze");
    else if (key === "s") openSnooze(row);
    else if (row.assigneeId === me.id) say({ tone: "ok", text: `${row.name} is already yours.` });
    else void assignToMe(row);
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || shown.length === 0) return;
      const row = current;
      if (!row) return;
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        move(e.key === "j" || e.key === "ArrowDown" ? cursor + 1 : cursor - 1);
      } else if (e.key === "a" || e.key === "o" || e.key === "s") {
        e.preventDefault();
        void onRowKey(row, e.key);
      } else if (e.key === "x" && me.canAssignAnyone) {
        e.preventDefault();
        toggle(row.id);
      } else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "TR") {
        e.preventDefault();
        router.push(`/accounts/${encodeURIComponent(row.externalId)}`);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  async function bulkAssign() {
    const picked = shown.filter((r) => selected.has(r.id)).map((r) => ({ id: r.id, version: r.version }));
    const to = bulkTo === "none" ? null : bulkTo;
    const name = to === null ? "nobody" : (users.find((u) => u.id === to)?.name ?? "them");
    const result = await run(
      () => bulkAssignAction({ items: picked, assigneeId: to }),
      `${picked.length} ${picked.length === 1 ? "item" : "items"} assigned to ${name}.`,
    );
    if (result.ok) for (const item of result.data.items) items.remember(item);
    if (result.ok && result.data.refused.length > 0) {
      // Some items moved under us: say so rather than claim success for all.
      const { assigned, refused } = result.data;
      say({ tone: "conflict", text: `${assigned} assigned; ${refused.length} not: ${refused[0]?.error ?? ""}` });
    }
    if (result.ok) clearSelection();
  }

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const tab = filters.tab;
  return (
    <div>
      <div role="tablist" aria-label="Queues" className="mb-4 flex gap-1 border-b border-line">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            title={t.hint}
            onClick={() => void setFilters({ tab: t.id, page: 1 })}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === t.id ? "border-accent text-accent" : "border-transparent text-muted hover:text-ink"}`}
          >
            {t.label}{" "}
            <span className="ml-1 rounded-full bg-canvas px-2 py-0.5 text-xs tabular-nums text-muted">
              {counts[t.id]}
            </span>
          </button>
        ))}
      </div>

      <form
        className="mb-4 flex flex-wrap items-end gap-3"
        aria-label="Queue filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className="flex rounded-md border border-line bg-surface p-0.5 text-sm">
          <legend className="sr-only">Whose items</legend>
          {(["all", "mine", "unassigned"] as const).map((w) => (
            <label
              key={w}
              className={`cursor-pointer rounded px-3 py-1 ${filters.who === w ? "bg-accent text-accent-ink" : "text-muted"}`}
            >
              <input
                type="radio"
                name="who"
                value={w}
                checked={filters.who === w}
                onChange={() => void setFilters({ who: w, page: 1 })}
                className="sr-only"
              />
              {w === "all" ? "All" : w === "mine" ? "Mine" : "Unassigned"}
            </label>
          ))}
        </fieldset>
        <label className="text-xs text-muted">
          Status
          <select
            className={`${select} mt-1 block`}
            value={filters.status}
            onChange={(e) =>
              void setFilters({ status: e.target.value as (typeof QUEUE_STATUS_FILTERS)[number], page: 1 })
            }
          >
            {QUEUE_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <SegmentSelect
          className={select}
          value={filters.segment}
          onChange={(segment) => void setFilters({ segment, page: 1 })}
        />
        <label className="text-xs text-muted">
          Owner
          <select
            className={`${select} mt-1 block`}
            value={filters.owner ?? ""}
            onChange={(e) => void setFilters({ owner: e.target.value || null, page: 1 })}
          >
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        {tab === "due" && (
          <label className="text-xs text-muted">
            Due by
            <input
              type="date"
              className={`${select} mt-1 block`}
              value={filters.on ?? utcDay()}
              onChange={(e) => void setFilters({ on: e.target.value || null, page: 1 })}
            />
          </label>
        )}
        <p className="ml-auto text-xs text-muted" aria-hidden>
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> assign to me · <kbd>o</kbd> log outreach · <kbd>s</kbd> snooze ·{" "}
          <kbd>Enter</kbd> open
          {me.canAssignAnyone ? (
            <>
              {" "}
              · <kbd>x</kbd> select
            </>
          ) : null}
        </p>
      </form>

      <ActionNotice message={message} onReload={reload} onDismiss={clear} />

      {me.canAssignAnyone && selected.size > 0 && (
        <div
          className="mb-3 flex items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 text-sm"
          role="region"
          aria-label="Bulk assign"
        >
          <span>{selected.size} selected</span>
          <select
            className={select}
            value={bulkTo}
            onChange={(e) => setBulkTo(e.target.value)}
            aria-label="Assign the selected items to"
          >
            <option value="">Assign to…</option>
            <option value="none">Nobody (unassign)</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!bulkTo || busy}
            onClick={() => void bulkAssign()}
            className="rounded-md bg-accent px-3 py-1 font-medium text-accent-ink disabled:opacity-50"
          >
            Assign
          </button>
          <button type="button" onClick={clearSelection} className="text-accent">
            Clear
          </button>
        </div>
      )}

      {shown.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line bg-surface p-10 text-center">
          <p className="font-medium">
            {tab === "due"
              ? "No follow-ups due"
              : tab === "conversion"
                ? "No trial needs a nudge"
                : "Nobody is slipping"}
          </p>
          <p className="mx-auto mt-2 max-w-lg text-sm text-muted">
            {tab === "due"
              ? "Log outreach with a follow-up date and the account appears here on that day."
              : tab === "conversion"
                ? "Trials appear here 7 days before their end date, until they convert."
                : `Customers enter when their health falls below ${threshold}. Filters may be hiding some: try All and the live statuses.`}
          </p>
        </div>
      ) : (
        <div className="rounded-xl border border-line bg-surface" aria-busy={busy}>
          <table className="w-full text-left text-sm" data-testid="queue-table">
            <caption className="sr-only">
              {TABS.find((t) => t.id === tab)?.hint}. Use j and k to move between rows.
            </caption>
            <SelectableHead
              head={["Account", "MRR", "Health", "Top reasons", "Owner · status", "Contact", "Actions"]}
              selectAll={
                me.canAssignAnyone
                  ? {
                      label: "Select every row on this page",
                      checked: selected.size === shown.length,
                      onChange: selectAll,
                    }
                  : undefined
              }
            />
            <tbody className="divide-y divide-line">
              {shown.map((row, i) => (
                <QueueTableRow
                  key={row.id}
                  row={row}
                  cursorProps={rowProps(i)}
                  active={current?.id === row.id}
                  leaving={items.leaving.has(row.id)}
                  mine={row.assigneeId === me.id}
                  owner={ownerIfNotMine(row)}
                  busy={busy}
                  threshold={threshold}
                  currency={currency}
                  selected={selected.has(row.id)}
                  onSelect={me.canAssignAnyone ? (on) => toggle(row.id, on) : undefined}
                  onKey={(key) => void onRowKey(row, key)}
                  onStatus={(status) => void setStatus(row, status)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <Pager
          page={filters.page}
          pages={pages}
          params={{
            tab: filters.tab,
            who: filters.who,
            status: filters.status,
            segment: filters.segment ?? undefined,
            owner: filters.owner ?? undefined,
            on: filters.on ?? undefined,
          }}
        />
      )}

      <OutreachDialog
        target={outreach}
        onClose={() => setOutreach(null)}
        run={(call, success, undo) => write(outreach?.item?.id, call, success, undo)}
      />
      <SnoozeDialog
        target={snooze}
        onClose={() => setSnooze(null)}
        run={(call, success, undo) => write(snooze?.id, call, success, undo)}
      />
    </div>
  );
}
