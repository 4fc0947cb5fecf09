// The queue's writes: each shows its answer on the row at once, and a single-item change offers Undo.
import type { QueueRow } from "@/lib/types/triage";
import { bulkAssignAction } from "@/lib/actions/triage/bulk-assign";
import { changeTriageItemAction } from "@/lib/actions/triage/change-triage-item";
import type { ActionResult } from "@/lib/actions/safe-action";
import { STATUS_LABEL, type TriageStatus } from "@/lib/values";
import type { useAction } from "@/components/ui/use-action";
import type { QueueMe } from "./queue-access";
import type { TriageAnswer, useWrittenItems } from "./use-written-items";

type Action = ReturnType<typeof useAction>;

export function queueWrites({
  me,
  users,
  items,
  run,
  say,
}: {
  me: QueueMe;
  users: { id: string; name: string }[];
  items: ReturnType<typeof useWrittenItems<QueueRow>>;
  run: Action["run"];
  say: Action["say"];
}) {
  /** Runs a write on `id`'s item: the row shows the answer at once and stays until the cursor moves. */
  const write = (
    id: string | undefined,
    call: () => Promise<ActionResult<TriageAnswer>>,
    success: string,
    undo?: (data: TriageAnswer) => () => void,
  ) => items.track(id, run(call, success, undo));

  const assignToMe = (row: QueueRow) =>
    write(
      row.id,
      () => changeTriageItemAction({ id: row.id, version: row.version, assigneeId: me.id }),
      `${row.name} is assigned to you.`,
      ({ version }) =>
        () =>
          void write(
            row.id,
            () => changeTriageItemAction({ id: row.id, version, assigneeId: row.assigneeId }),
            `${row.name} is back with ${row.assigneeName ?? "nobody"}.`,
          ),
    );

  const setStatus = (row: QueueRow, status: TriageStatus) =>
    write(
      row.id,
      () => changeTriageItemAction({ id: row.id, version: row.version, status }),
      `${row.name}: ${STATUS_LABEL[status].toLowerCase()}.`,
      ({ version }) =>
        () =>
          void write(
            row.id,
            () => changeTriageItemAction({ id: row.id, version, status: row.status }),
            `${row.name} is back to ${STATUS_LABEL[row.status].toLowerCase()}.`,
          ),
    );

  /** Assigns `picked` to `to` (null: nobody); `done` runs once the server took the request. */
  async function bulkAssign(picked: { id: string; version: number }[], to: string | null, done: () => void) {
    const name = to === null ? "nobody" : (users.find((u) => u.id === to)?.name ?? "them");
    const result = await run(
      () => bulkAssignAction({ items: picked, assigneeId: to }),
      `${picked.length} ${picked.length === 1 ? "item" : "items"} assigned to ${name}.`,
    );
    if (result.ok) for (const item of result.data.items) items.remember(item);
    if (result.ok && result.data.refused.length > 0) {
      // Some items moved under us: say so rather than claim success for all.
      const { assigned, refused } = result.data;
      say({ tone: "conflict", text: `${assigned} assigned; ${refused.length} not: ${refused[0]?.error ?? ""}` });
    }
    if (result.ok) done();
  }

  return { write, assignToMe, setStatus, bulkAssign };
}
