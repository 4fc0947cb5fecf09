"use client";
// The at-risk queue: tabs, filters in the URL, and a table worked from the keyboard —
// j/k move, a assigns to me, o logs outreach, s snoozes, x selects, Enter opens the account.
// A key acts on the row under the cursor when it was pressed; the page offers only what the
// server allows (on a colleague's item a cs agent may log outreach, nothing else).
import { useQueryStates } from "nuqs";
import { useState } from "react";
import type { QueueRow } from "@/lib/types/triage";
import { queueFilterParsers } from "@/lib/filters";
import { BulkBar } from "./bulk-bar";
import { OutreachDialog, type OutreachTarget } from "./outreach-dialog";
import { canChange, ownerIfNotMine, type QueueMe } from "./queue-access";
import { QueueEmpty } from "./queue-empty";
import { type QueueFilterChange, QueueFilters } from "./queue-filters";
import { QueueTable } from "./queue-table";
import { QueueTableRow } from "./queue-table-row";
import type { QueueTab } from "@/lib/types/triage";
import { QUEUE_TAB_TEXT, QueueTabs } from "./queue-tabs";
import { queueWrites } from "./queue-writes";
import { SnoozeDialog, type SnoozeTarget } from "./snooze-dialog";
import { type RowKey, useQueueKeys } from "./use-queue-keys";
import { useWrittenItems } from "./use-written-items";
import { Pager } from "@/components/ui/pager";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { useRowCursor } from "@/components/ui/use-row-cursor";

export interface QueueViewProps {
  rows: QueueRow[];
  counts: Record<QueueTab, number>;
  total: number;
  pageSize: number;
  me: QueueMe;
  users: { id: string; name: string }[];
  threshold: number;
  currency: string;
}

export function QueueView({ rows, counts, total, pageSize, me, users, threshold, currency }: QueueViewProps) {
  const [filters, setFilters] = useQueryStates(queueFilterParsers, { shallow: false });
  const change = (to: QueueFilterChange) => void setFilters({ ...to, page: 1 });
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
  const { write, assignToMe, setStatus, bulkAssign } = queueWrites({ me, users, items, run, say });

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

  const openOutreach = (row: QueueRow) =>
    setOutreach({
      accountExternalId: row.externalId,
      accountName: row.name,
      item: { id: row.id, version: row.version },
      owner: ownerIfNotMine(me, row),
    });
  const openSnooze = (row: QueueRow) =>
    setSnooze({ id: row.id, version: row.version, accountName: row.name, snoozedUntil: row.snoozedUntil });
  const refuse = (row: QueueRow, verb: string) =>
    say({
      tone: "error",
      text: `${row.name} is ${ownerIfNotMine(me, row)}’s: only they or a manager can ${verb} it. You can log outreach on it.`,
    });

  /** A key binds to the row it was pressed on: after any write of that row still on its way. */
  async function onRowKey(pressed: QueueRow, key: RowKey) {
    const row = await items.settled(pressed);
    if (key === "o") openOutreach(row);
    else if (!canChange(me, row)) refuse(row, key === "a" ? "reassign" : "snooze");
    else if (key === "s") openSnooze(row);
    else if (row.assigneeId === me.id) say({ tone: "ok", text: `${row.name} is already yours.` });
    else void assignToMe(row);
  }

  useQueueKeys({
    rows: shown,
    cursor,
    current,
    move,
    onRowKey: (row, key) => void onRowKey(row, key),
    onSelect: me.canAssignAnyone ? (id) => toggle(id) : undefined,
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const tab = filters.tab;
  return (
    <div>
      <QueueTabs tab={tab} counts={counts} onPick={(t) => change({ tab: t })} />
      <QueueFilters filters={filters} users={users} canSelect={me.canAssignAnyone} onChange={change} />
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />

      {me.canAssignAnyone && (
        <BulkBar
          count={selected.size}
          users={users}
          busy={busy}
          onAssign={(to) =>
            void bulkAssign(
              shown.filter((r) => selected.has(r.id)).map((r) => ({ id: r.id, version: r.version })),
              to,
              clearSelection,
            )
          }
          onClear={clearSelection}
        />
      )}

      {shown.length === 0 ? (
        <QueueEmpty tab={tab} threshold={threshold} />
      ) : (
        <QueueTable
          hint={QUEUE_TAB_TEXT[tab].hint}
          busy={busy}
          selectAll={me.canAssignAnyone ? { checked: selected.size === shown.length, onChange: selectAll } : undefined}
        >
          {shown.map((row, i) => (
            <QueueTableRow
              key={row.id}
              row={row}
              cursorProps={rowProps(i)}
              active={current?.id === row.id}
              leaving={items.leaving.has(row.id)}
              mine={row.assigneeId === me.id}
              owner={ownerIfNotMine(me, row)}
              busy={busy}
              threshold={threshold}
              currency={currency}
              selected={selected.has(row.id)}
              onSelect={me.canAssignAnyone ? (on) => toggle(row.id, on) : undefined}
              onKey={(key) => void onRowKey(row, key)}
              onStatus={(status) => void setStatus(row, status)}
            />
          ))}
        </QueueTable>
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
