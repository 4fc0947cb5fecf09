"use client";
// One row of the at-risk queue: the account, its figures and reasons, owner and status, the last
// and next contact, and the actions this person may take on it (the same as the keys a, o, s).
import { IntentLink } from "@/components/ui/intent-link";
import type { QueueRow } from "@/lib/types/triage";
import { formatSegment } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { STATUS_LABEL, TRIAGE_STATUSES, type TriageStatus } from "@/lib/values";
import { HealthBadge } from "./health-badge";
import type { RowKey } from "./use-queue-keys";
import { accountPath } from "@/lib/account-path";

const action = "rounded border border-line px-1.5 py-0.5";

export function QueueTableRow({
  row,
  cursorProps,
  active,
  leaving,
  mine,
  owner,
  busy,
  threshold,
  currency,
  selected,
  onSelect,
  onKey,
  onStatus,
}: {
  row: QueueRow;
  /** The keyboard cursor's props for this row (focus, tab stop, aria-selected). */
  cursorProps: React.ComponentProps<"tr">;
  active: boolean;
  /** Kept in place after this person's change though the list no longer holds it. */
  leaving: boolean;
  /** Assigned to this person. */
  mine: boolean;
  /** The colleague whose item this is, when it is not this person's to change. */
  owner: string | null;
  busy: boolean;
  threshold: number;
  currency: string;
  selected: boolean;
  /** Present for those who may select rows (managers). */
  onSelect?: (on: boolean) => void;
  onKey: (key: RowKey) => void;
  onStatus: (status: TriageStatus) => void;
}) {
  const fmt = useFormat();
  return (
    <tr
      {...cursorProps}
      data-testid="queue-row"
      data-account={row.externalId}
      className={`align-top outline-none ${active ? "bg-accent-soft shadow-[inset_3px_0_0_var(--color-accent)]" : ""} ${leaving ? "opacity-75" : ""}`}
    >
      {onSelect && (
        <td className="px-3 py-2">
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={selected}
            onChange={(e) => onSelect?.(e.target.checked)}
          />
        </td>
      )}
      <td className="min-w-[9rem] px-3 py-2">
        <IntentLink
          href={accountPath(row.externalId)}
          className="font-medium text-accent hover:underline"
          tabIndex={-1}
        >
          {row.name}
        </IntentLink>
        <div className="text-xs text-muted">
          {row.kind === "conversion" && row.trialEndsAt
            ? `Trial ${new Date(row.trialEndsAt) < new Date() ? "ended" : "ends"} ${fmt.date(new Date(row.trialEndsAt))}`
            : (row.plan ?? row.externalId)}
          {` · ${formatSegment(row.segment)}`}
          {row.snoozedUntil && new Date(row.snoozedUntil) > new Date()
            ? ` · snoozed until ${fmt.date(new Date(row.snoozedUntil))}`
            : ""}
          {row.source === "manual" ? " · added by hand" : ""}
        </div>
        {leaving && (
          <div className="text-xs text-muted" data-testid="leaving">
            No longer in this view; it goes when you move on.
          </div>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{fmt.money(row.mrrCents, currency)}</td>
      <td className="px-3 py-2">
        <HealthBadge score={row.score} weekAgo={row.scoreWeekAgo} threshold={threshold} />
      </td>
      <td className="min-w-[11rem] px-3 py-2 text-[13px] leading-snug">
        {row.reasons.length === 0 ? (
          <span className="text-muted">–</span>
        ) : (
          <ul className="space-y-0.5">
            {row.reasons.slice(0, 2).map((r) => (
              <li key={r}>{r}</li>
            ))}
            {row.reasons.length > 2 && <li className="text-xs text-muted">+{row.reasons.length - 2} more</li>}
          </ul>
        )}
      </td>
      <td className="px-3 py-2">
        <select
          className="rounded-md border border-line bg-surface px-1.5 py-1 text-xs"
          value={row.status}
          disabled={!!owner || busy}
          aria-label={`Status of ${row.name}`}
          title={owner ? `${owner}’s item: only they or a manager can change it` : undefined}
          onChange={(e) => {
            const status = TRIAGE_STATUSES.find((s) => s === e.target.value);
            if (status) onStatus(status);
          }}
        >
          {TRIAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <div className="mt-1 text-xs">{row.assigneeName ?? <span className="text-muted">Unassigned</span>}</div>
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-xs">
        <div>
          <span className="text-muted">Last </span>
          {row.lastOutreachAt ? fmt.date(new Date(row.lastOutreachAt)) : <span className="text-muted">never</span>}
        </div>
        <div>
          <span className="text-muted">Next </span>
          {row.nextFollowUpOn ? fmt.date(row.nextFollowUpOn) : <span className="text-muted">–</span>}
        </div>
      </td>
      <td className="px-3 py-2">
        <div className="flex w-max flex-col items-stretch gap-1 text-xs">
          {!mine && !owner && (
            <button type="button" tabIndex={-1} onClick={() => onKey("a")} className={action} title="Assign to me (a)">
              Take
            </button>
          )}
          <button type="button" tabIndex={-1} onClick={() => onKey("o")} className={action} title="Log outreach (o)">
            Log
          </button>
          {!owner && (
            <button type="button" tabIndex={-1} onClick={() => onKey("s")} className={action} title="Snooze (s)">
              Snooze
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
