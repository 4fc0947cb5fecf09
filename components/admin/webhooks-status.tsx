// A delivery's status as a coloured word: pending (waiting for its next try), succeeded, failed.
import type { WebhookDeliveryStatus } from "@/lib/values";

const STYLE: Record<WebhookDeliveryStatus, string> = {
  pending: "bg-warn-soft text-warn",
  succeeded: "bg-good-soft text-good",
  failed: "bg-bad-soft text-bad",
};

export function WebhooksStatus({ status }: { status: WebhookDeliveryStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>{status}</span>;
}
