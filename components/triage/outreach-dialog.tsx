"use client";
// Log outreach: channel, what was said, the outcome and when to follow up. The dialog names its
// account and carries the item and the version it was opened with; its fields start empty on every
// opening. On a colleague's item the outreach is recorded and the follow-up stays theirs to set.
import { useState } from "react";
import { logOutreachAction } from "@/lib/actions/triage/log-outreach";
import { OUTREACH_CHANNELS } from "@/lib/values";
import { formatLabel } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { utcDay } from "./dates";
import type { TriageRun } from "./use-written-items";
import { Modal } from "@/components/ui/modal";

export interface OutreachTarget {
  accountExternalId: string;
  accountName: string;
  item?: { id: string; version: number };
  /** The colleague whose item it is, when it is not the person's to change (a cs agent's view). */
  owner?: string | null;
}

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

export function OutreachDialog({
  target,
  onClose,
  run,
}: {
  target: OutreachTarget | null;
  onClose: () => void;
  run: TriageRun;
}) {
  return (
    <Modal open={target !== null} onClose={onClose} labelledBy="outreach-title">
      {target && (
        <OutreachForm
          key={`${target.accountExternalId} ${target.item?.id ?? ""} ${target.item?.version ?? ""}`}
          target={target}
          onClose={onClose}
          run={run}
        />
      )}
    </Modal>
  );
}

function OutreachForm({ target, onClose, run }: { target: OutreachTarget; onClose: () => void; run: TriageRun }) {
  const fmt = useFormat();
  const [followUp, setFollowUp] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const theirs = target.item !== undefined && !!target.owner;

  async function submit(form: FormData) {
    setSaving(true);
    const outcome = String(form.get("outcome") ?? "").trim();
    const next = theirs ? "" : followUp;
    const result = await run(
      () =>
        logOutreachAction({
          accountExternalId: target.accountExternalId,
          item: target.item,
          channel: form.get("channel"),
          summary: String(form.get("summary") ?? ""),
          outcome: outcome || null,
          nextFollowUpOn: next || null,
        }),
      `Outreach to ${target.accountName} logged${next ? `; follow up on ${fmt.date(next)}` : ""}.`,
    );
    setSaving(false);
    if (result.ok || result.status === 409) onClose();
    else setError(result.error);
  }

  return (
    <form action={submit} className="space-y-4 p-5" aria-describedby={error ? "outreach-error" : undefined}>
      <h2 id="outreach-title" className="text-lg font-semibold">
        Log outreach to {target.accountName}
      </h2>
      {theirs && (
        <p className="text-sm text-muted" data-testid="outreach-theirs">
          This item is {target.owner}’s: your outreach is recorded on the account, and its status and follow-up stay
          theirs to change.
        </p>
      )}
      <label className="block text-sm">
        Channel
        <select name="channel" defaultValue="call" className={field} autoFocus>
          {OUTREACH_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c === "in_app" ? "In-app message" : formatLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        What happened
        <textarea
          name="summary"
          required
          maxLength={4000}
          rows={3}
          className={field}
          placeholder="Spoke to their admin about the drop in usage…"
        />
      </label>
      <label className="block text-sm">
        Outcome <span className="text-muted">(optional)</span>
        <input name="outcome" maxLength={500} className={field} placeholder="Booked a training session" />
      </label>
      {!theirs && (
        <fieldset className="text-sm">
          <legend>Next follow-up</legend>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              type="date"
              name="nextFollowUpOn"
              value={followUp}
              onChange={(e) => setFollowUp(e.target.value)}
              className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
              aria-label="Follow-up date"
            />
            <button
              type="button"
              className="rounded-md border border-line px-2 py-1"
              onClick={() => setFollowUp(utcDay(1))}
            >
              Tomorrow
            </button>
            <button
              type="button"
              className="rounded-md border border-line px-2 py-1"
              onClick={() => setFollowUp(utcDay(7))}
            >
              In a week
            </button>
            {followUp && (
              <button type="button" className="px-2 py-1 text-accent" onClick={() => setFollowUp("")}>
                None
              </button>
            )}
          </div>
        </fieldset>
      )}
      {error && (
        <p id="outreach-error" role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className="rounded-md border border-line px-3 py-1.5 text-sm">
          Cancel
        </button>
        <button
          type="submit"
          disabled={saving}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          {saving ? "Saving…" : "Log outreach"}
        </button>
      </div>
    </form>
  );
}
