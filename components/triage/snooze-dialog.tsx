"use client";
// Snooze: the item leaves the queue and comes back on the chosen day. The dialog names its account,
// carries the item and the version it was opened with, and starts afresh on every opening.
import { useState } from "react";
import { changeTriageItemAction } from "@/lib/actions/triage/change-triage-item";
import { useFormat } from "@/components/providers/format-provider";
import { utcDay } from "./dates";
import type { TriageRun } from "./use-written-items";
import { Modal } from "@/components/ui/modal";

export interface SnoozeTarget {
  id: string;
  version: number;
  accountName: string;
  snoozedUntil: string | null;
}

export function SnoozeDialog({
  target,
  onClose,
  run,
}: {
  target: SnoozeTarget | null;
  onClose: () => void;
  run: TriageRun;
}) {
  return (
    <Modal open={target !== null} onClose={onClose} labelledBy="snooze-title">
      {target && <SnoozeForm key={`${target.id} ${target.version}`} target={target} onClose={onClose} run={run} />}
    </Modal>
  );
}

function SnoozeForm({ target, onClose, run }: { target: SnoozeTarget; onClose: () => void; run: TriageRun }) {
  const fmt = useFormat();
  const [day, setDay] = useState(utcDay(7));
  const [error, setError] = useState<string | null>(null);

  async function snooze(until: string | null) {
    const result = await run(
      () => changeTriageItemAction({ id: target.id, version: target.version, snoozeUntil: until }),
      until ? `${target.accountName} snoozed until ${fmt.date(until)}.` : `${target.accountName} is back in the queue.`,
      ({ version }) => {
        // Back to the snooze it had before, if that was still running; else back in the queue.
        const before =
          target.snoozedUntil && new Date(target.snoozedUntil) > new Date() ? target.snoozedUntil.slice(0, 10) : null;
        const again = before
          ? `${target.accountName} snoozed until ${fmt.date(before)} again.`
          : `${target.accountName} is back in the queue.`;
        return () => void run(() => changeTriageItemAction({ id: target.id, version, snoozeUntil: before }), again);
      },
    );
    if (result.ok || result.status === 409) onClose();
    else setError(result.error);
  }

  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        void snooze(day);
      }}
    >
      <h2 id="snooze-title" className="text-lg font-semibold">
        Snooze {target.accountName}
      </h2>
      <p className="text-sm text-muted">
        The item leaves the queue and comes back at the start of the day you pick (UTC).
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <input
          type="date"
          value={day}
          min={utcDay(1)}
          onChange={(e) => setDay(e.target.value)}
          required
          aria-label="Snooze until"
          className="rounded-md border border-line bg-surface px-2 py-1.5"
          autoFocus
        />
        {[
          ["Tomorrow", 1],
          ["3 days", 3],
          ["A week", 7],
          ["Two weeks", 14],
        ].map(([label, days]) => (
          <button
            key={label}
            type="button"
            className="rounded-md border border-line px-2 py-1"
            onClick={() => setDay(utcDay(Number(days)))}
          >
            {label}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {target.snoozedUntil && (
          <button
            type="button"
            onClick={() => void snooze(null)}
            className="mr-auto rounded-md px-3 py-1.5 text-sm text-accent"
          >
            Wake it now
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded-md border border-line px-3 py-1.5 text-sm">
          Cancel
        </button>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
          Snooze
        </button>
      </div>
    </form>
  );
}
