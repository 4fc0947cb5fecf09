// Whose queue items this person may change: a manager any, anyone else their own and unassigned ones.
import type { QueueRow } from "@/lib/types/triage";

/** The person working the queue. */
export interface QueueMe {
  id: string;
  name: string;
  /** A manager: may assign anyone, and change anyone's items. */
  canAssignAnyone: boolean;
}

export function canChange(me: QueueMe, row: QueueRow): boolean {
  return me.canAssignAnyone || row.assigneeId === null || row.assigneeId === me.id;
}

/** Whose item this is, when it is not this person's to change (a cs agent on a colleague's). */
export function ownerIfNotMine(me: QueueMe, row: QueueRow): string | null {
  return canChange(me, row) ? null : (row.assigneeName ?? "a colleague");
}
