"use client";
// Log outreach: channel, what was said, the outcome and when to follow up.
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { logOutreachAction } from "@/lib/actions/triage/log-outreach";
import { OUTREACH_CHANNELS } from "@/lib/values";
import { formatLabel } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { utcDay } from "./dates";
import { Modal } from "@/components/ui/modal";

export interface OutreachTarget {
  accountExternalId: string;
  accountName: string;
  item?: { id: string; version: number };
}

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

export function OutreachDialog({
  target,
  onClose,
  run,
}: {
  target: OutreachTarget | null;
  onClose: () => void;
  run: (
    call: () => Promise<ActionResult<{ version: number }>>,
    success: string,
  ) => Promise<ActionResult<{ version: number }>>;
}) {
  const fmt = useFormat();
  const [followUp, setFollowUp] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(form: FormData) {
    if (!target) return;
    setSaving(true);
    const outcome = String(form.get("outcome") ?? "").trim();
    const result = await run(
      () =>
        logOutreachAction({
          accountExternalId: target.accountExternalId,
          item: target.item,
          channel: form.get("channel"),
          summary: String(form.get("summary") ?? ""),
          outcome: outcome || null,
          nextFollowUpOn: followUp || null,
        }),
      `Outreach to ${target.accountName} logged${followUp ? `; follow up on ${fmt.date(followUp)}` : ""}.`,
    );
    setSaving(false);
    if (result.ok) {
      setFollowUp("");
      setError(null);
      onClose();
    } else if (result.status !== 409) setError(result.error);
    else onClose();
  }

  return (
    <Modal open={target !== null} onClose={onClose} labelledBy="outreach-title">
      <form action={submit} className="space-y-4 p-5" aria-describedby={error ? "outreach-error" : undefined}>
        <h2 id="outreach-title" className="text-lg font-semibold">
          Log outreach to {target?.accountName}
        </h2>
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
    </Modal>
  );
}
