"use client";
// The queue's key map: j/k (or the arrows) move, a/o/s act on the row, x selects, Enter opens the account.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { QueueRow } from "@/lib/types/triage";
import { isTyping } from "@/components/ui/use-row-cursor";
import { accountPath } from "@/lib/account-path";

export type RowKey = "a" | "o" | "s";

export function useQueueKeys({
  rows,
  cursor,
  current,
  move,
  onRowKey,
  onSelect,
}: {
  rows: readonly QueueRow[];
  cursor: number;
  /** The row under the cursor. */
  current: QueueRow | undefined;
  move: (to: number) => void;
  onRowKey: (row: QueueRow, key: RowKey) => void;
  /** Toggles the row's selection; absent for those who may not select rows. */
  onSelect?: (id: string) => void;
}) {
  const router = useRouter();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || rows.length === 0) return;
      const row = current;
      if (!row) return;
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        move(e.key === "j" || e.key === "ArrowDown" ? cursor + 1 : cursor - 1);
      } else if (e.key === "a" || e.key === "o" || e.key === "s") {
        e.preventDefault();
        onRowKey(row, e.key);
      } else if (e.key === "x" && onSelect) {
        e.preventDefault();
        onSelect(row.id);
      } else if (e.key === "Enter" && e.target instanceof HTMLTableRowElement) {
        // Enter on a link or button inside the row does what that element does.
        e.preventDefault();
        router.push(accountPath(row.externalId));
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
