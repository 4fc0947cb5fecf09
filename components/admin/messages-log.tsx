// E-mails and Slack posts (alerts, digests, tests): the delivery log beside the webhooks', newest
// first, with each message's status, tries and last error.
import type { Formatter } from "@/lib/format";

export interface MessageLogRow {
  id: string;
  channel: "email" | "slack";
  recipient: string;
  userName: string | null;
  purpose: string;
  subject: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const STATUS_WORDS = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;
const PURPOSE_WORDS: Record<string, string> = {
  alert: "Alert",
  assigned: "Assigned",
  threshold: "Threshold",
  follow_up: "Follow-up",
  digest_daily: "Daily digest",
  digest_weekly: "Weekly report",
  test: "Test",
};

export function MessagesLog({ rows, total, fmt }: { rows: MessageLogRow[]; total: number; fmt: Formatter }) {
  if (rows.length === 0)
    return <p className="text-sm text-muted">No e-mail or Slack post yet. Alerts, digests and tests appear here.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">E-mails and Slack posts, newest first</caption>
        <thead className="text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Queued</th>
            <th className="py-1 pr-3 font-medium">Channel</th>
            <th className="py-1 pr-3 font-medium">To</th>
            <th className="py-1 pr-3 font-medium">What</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 font-medium">Tries</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="py-1.5 pr-3 whitespace-nowrap">{fmt.dateTime(r.createdAt)}</td>
              <td className="py-1.5 pr-3">{r.channel === "email" ? "E-mail" : "Slack"}</td>
              <td className="py-1.5 pr-3">
                {r.recipient}
                {r.userName && <span className="text-muted"> ({r.userName})</span>}
              </td>
              <td className="py-1.5 pr-3">
                <span className="text-muted">{PURPOSE_WORDS[r.purpose] ?? r.purpose}: </span>
                {r.subject}
              </td>
              <td className="py-1.5 pr-3">
                {STATUS_WORDS[r.status]}
                {r.lastError && r.status !== "succeeded" && (
                  <span className="block text-xs text-bad">{r.lastError}</span>
                )}
              </td>
              <td className="py-1.5 tabular-nums">{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && (
        <p className="mt-2 text-sm text-muted">
          The latest {rows.length} of {total}.
        </p>
      )}
    </div>
  );
}
