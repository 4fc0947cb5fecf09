"use client";
// The bar over a manager's selected rows: assign them all to one person, or to nobody.
import { useState } from "react";
import { selectClass } from "./queue-filters";

export function BulkBar({
  count,
  users,
  busy,
  onAssign,
  onClear,
}: {
  /** How many rows are selected; the bar shows while there are any. */
  count: number;
  users: { id: string; name: string }[];
  busy: boolean;
  /** Assigns the selected items to this user (null: unassigns them). */
  onAssign: (assigneeId: string | null) => void;
  onClear: () => void;
}) {
  // Kept while the bar is hidden, so the next selection offers the person last picked.
  const [to, setTo] = useState("");
  if (count === 0) return null;
  return (
    <div
      className="mb-3 flex items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 text-sm"
      role="region"
      aria-label="Bulk assign"
    >
      <span>{count} selected</span>
      <select
        className={selectClass}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        aria-label="Assign the selected items to"
      >
        <option value="">Assign to…</option>
        <option value="none">Nobody (unassign)</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!to || busy}
        onClick={() => onAssign(to === "none" ? null : to)}
        className="rounded-md bg-accent px-3 py-1 font-medium text-accent-ink disabled:opacity-50"
      >
        Assign
      </button>
      <button type="button" onClick={onClear} className="text-accent">
        Clear
      </button>
    </div>
  );
}
