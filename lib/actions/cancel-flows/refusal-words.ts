// The words and status of every refusal of the cancel-flow editor, as its notices show them.
import type { Refusal } from "@/lib/actions/safe-action";

export type CancelFlowRefusal =
  | { reason: "gone"; flowId: string }
  | { reason: "default-targeted" }
  | { reason: "changed"; version: number; changedBy: string | null; changedAt: Date }
  | { reason: "default"; doing: "move" | "archive" }
  | { reason: "edge"; direction: "up" | "down" }
  | { reason: "no-version"; version: number }
  | { reason: "unknown-account"; accountExternalId: string }
  | { reason: "unknown-flow" | "no-flow" };

export interface RefusalWords {
  status: Refusal["status"];
  error: string;
  field?: string;
  changedBy?: string | null;
  changedAt?: string;
}

export function cancelFlowRefusal(r: CancelFlowRefusal): RefusalWords {
  switch (r.reason) {
    case "gone":
      return { status: 404, error: `There is no cancel flow ${r.flowId}: it may have been archived. Reload the list.` };
    case "default-targeted":
      return {
        status: 422,
        error: "The default flow is for everyone and is tried last: it takes no segments, plans or locales.",
        field: "targeting",
      };
    case "changed":
      return {
        status: 409,
        error: `Version ${r.version} was saved by ${r.changedBy ?? "someone else"} after you opened this flow. Reload to see it; your edits were not saved.`,
        changedBy: r.changedBy,
        changedAt: r.changedAt.toISOString(),
      };
    case "default":
      return r.doing === "archive"
        ? { status: 409, error: "The default flow cannot be archived: it is used when no other flow matches." }
        : { status: 409, error: "The default flow is always tried last: it cannot be moved." };
    case "edge":
      return { status: 409, error: `The flow is already ${r.direction === "up" ? "first" : "last"} in the order.` };
    case "no-version":
      return { status: 404, error: `This flow has no version ${r.version}.`, field: "version" };
    case "unknown-account":
      return { status: 404, error: `There is no account ${r.accountExternalId}.`, field: "accountExternalId" };
    case "unknown-flow":
    case "no-flow":
      return { status: 404, error: "There is no such cancel flow: it may have been archived. Reload the list." };
  }
}
