"use client";
// The account page's triage controls: status, assignee and snooze of its live queue item, and
// logging outreach (with or without an item); an account outside the queue can be added to it.
// It offers only what the server allows: on a colleague's item a cs agent may log outreach (the
// item's decisions stay theirs), and each write shows its answer at once.
import { useState } from "react";
import { addToQueueAction } from "@/lib/actions/triage/add-to-queue";
import { changeTriageItemAction } from "@/lib/actions/triage/change-triage-item";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { LiveItem } from "@/lib/types/triage";
import { STATUS_LABEL, TRIAGE_STATUSES } from "@/lib/values";
import { formatLabel } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { OutreachDialog, type OutreachTarget } from "./outreach-dialog";
import { SnoozeDialog, type SnoozeTarget } from "./snooze-dialog";
import { type TriageAnswer, useWrittenItems } from "./use-written-items";
import { ActionNotice, useAction } from "@/components/ui/use-action";

const control = "mt-1 block rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function AccountTriage({
  account,
  item: served,
  me,
  users,
}: {
  account: { externalId: string; name: string };
  item: LiveItem | null;
  me: { id: string; canAssignAnyone: boolean };
  users: { id: string; name: string }[];
}) {
  const fmt = useFormat();
  const { run, busy, message, reload, clear } = useAction();
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? null;
  const written = useWrittenItems(served ? [served] : [], nameOf);
  const item = written.rows[0] ?? null;
  const write = (
    call: () => Promise<ActionResult<TriageAnswer>>,
    success: string,
    undo?: (data: TriageAnswer) => () => void,
  ) => written.track(undefined, run(call, success, undo));
  const [outreach, setOutreach] = useState<OutreachTarget | null>(null);
  const [snooze, setSnooze] = useState<SnoozeTarget | null>(null);
  const canChange = !item || me.canAssignAnyone || item.assigneeId === null || item.assigneeId === me.id;
  const owner = canChange ? null : (item?.assigneeName ?? "a colleague");
  const assignees = me.canAssignAnyone ? users : users.filter((u) => u.id === me.id || u.id === item?.assigneeId);

  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label="Triage">
      <h2 className="font-semibold">Triage</h2>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      {item ? (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-muted" data-testid="triage-summary">
            In the {formatLabel(item.kind).toLowerCase()} queue · {STATUS_LABEL[item.status]}
            {item.snoozedUntil && new Date(item.snoozedUntil) > new Date()
              ? ` · snoozed until ${fmt.date(new Date(item.snoozedUntil))}`
              : ""}
            {item.nextFollowUpOn ? ` · follow up on ${fmt.date(item.nextFollowUpOn)}` : ""}
            {item.lastOutreachAt ? ` · last contact ${fmt.date(new Date(item.lastOutreachAt))}` : ""}
          </p>
          <div className="flex flex-wrap items-end gap-3">
            <label className="text-xs text-muted">
              Status
              <select
                className={control}
                value={item.status}
                disabled={!canChange || busy}
                onChange={(e) => {
                  const status = TRIAGE_STATUSES.find((s) => s === e.target.value);
                  if (!status) return;
                  void write(
                    () => changeTriageItemAction({ id: item.id, version: item.version, status }),
                    `Status set to ${STATUS_LABEL[status].toLowerCase()}.`,
                    ({ version }) =>
                      () =>
                        void write(
                          () => changeTriageItemAction({ id: item.id, version, status: item.status }),
                          `Status back to ${STATUS_LABEL[item.status].toLowerCase()}.`,
                        ),
                  );
                }}
              >
                {TRIAGE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-xs text-muted">
              Assignee
              <select
                className={control}
                value={item.assigneeId ?? ""}
                disabled={!canChange || busy}
                onChange={(e) => {
                  const to = e.target.value || null;
                  const name = to ? (users.find((u) => u.id === to)?.name ?? "them") : "nobody";
                  const was = item.assigneeId
                    ? (users.find((u) => u.id === item.assigneeId)?.name ?? "them")
                    : "nobody";
                  void write(
                    () => changeTriageItemAction({ id: item.id, version: item.version, assigneeId: to }),
                    `Assigned to ${to === me.id ? "you" : name}.`,
                    ({ version }) =>
                      () =>
                        void write(
                          () => changeTriageItemAction({ id: item.id, version, assigneeId: item.assigneeId }),
                          `Back with ${was}.`,
                        ),
                  );
                }}
              >
                <option value="">Unassigned</option>
                {assignees.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.id === me.id ? `${u.name} (me)` : u.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!canChange || busy}
              title={owner ? `${owner}’s item: only they or a manager can snooze it` : undefined}
              onClick={() =>
                setSnooze({
                  id: item.id,
                  version: item.version,
                  accountName: account.name,
                  snoozedUntil: item.snoozedUntil,
                })
              }
              className="rounded-md border border-line px-3 py-1.5 text-sm disabled:opacity-50"
            >
              Snooze…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                setOutreach({
                  accountExternalId: account.externalId,
                  accountName: account.name,
                  item: { id: item.id, version: item.version },
                  owner,
                })
              }
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-50"
            >
              Log outreach…
            </button>
          </div>
          {!canChange && (
            <p className="text-sm text-muted">
              This item is {owner}’s: you can log outreach on it; its status, snooze and follow-up are theirs to change,
              and a manager can reassign it.
            </p>
          )}
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p className="text-sm text-muted">Not in the queue.</p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                () => addToQueueAction({ externalIds: [account.externalId] }),
                `${account.name} added to the queue.`,
              )
            }
            className="rounded-md border border-line px-3 py-1.5 text-sm"
          >
            Add to queue
          </button>
          <button
            type="button"
            onClick={() => setOutreach({ accountExternalId: account.externalId, accountName: account.name })}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
          >
            Log outreach…
          </button>
        </div>
      )}
      <OutreachDialog target={outreach} onClose={() => setOutreach(null)} run={write} />
      <SnoozeDialog target={snooze} onClose={() => setSnooze(null)} run={write} />
    </section>
  );
}
