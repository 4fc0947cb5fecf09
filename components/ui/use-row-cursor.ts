"use client";
// Keyboard work on a table: a cursor row moved with j/k (focus follows), and a selection of rows.
// The cursor is on a row, not a position: rows that come or go around it leave it where it was,
// so a key pressed next acts on the row the person last put the cursor on.
import { useRef, useState } from "react";

/** True while the person types in a field or a dialog is open: single-key shortcuts stay off. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    (target instanceof HTMLElement && target.isContentEditable) ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    !!target.closest("dialog[open]")
  );
}

export function useRowCursor<T>(rows: readonly T[], key: (row: T) => string) {
  // The row under the cursor by its key; its position only for when that row itself has gone.
  const [at, setAt] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const refs = useRef<(HTMLTableRowElement | null)[]>([]);

  const found = at.key === null ? -1 : rows.findIndex((r) => key(r) === at.key);
  const cursor = found >= 0 ? found : Math.min(at.index, Math.max(0, rows.length - 1));

  // Rows come and go as the server data refreshes: keep the selection real. Adjusted during render
  // when the set of rows changes (not merely the array holding them), so a stale selection is never
  // painted.
  const keys = rows.map(key);
  const signature = keys.join("\u0000");
  const [seenRows, setSeenRows] = useState(signature);
  if (seenRows !== signature) {
    setSeenRows(signature);
    setSelected((s) => new Set([...s].filter((k) => keys.includes(k))));
  }

  function put(index: number) {
    const row = rows[index];
    setAt({ key: row === undefined ? null : key(row), index });
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    put(next);
    refs.current[next]?.focus();
  }

  function toggle(k: string, on?: boolean) {
    setSelected((s) => {
      const n = new Set(s);
      if (on ?? !n.has(k)) n.add(k);
      else n.delete(k);
      return n;
    });
  }

  const rowProps = (i: number) => ({
    ref: (el: HTMLTableRowElement | null) => {
      refs.current[i] = el;
    },
    tabIndex: i === cursor ? 0 : -1,
    "aria-selected": i === cursor,
    onFocus: () => put(i),
    onClick: () => put(i),
  });

  const current = rows[cursor];
  return {
    cursor,
    current,
    /** The key of the row under the cursor (null when there are no rows). */
    cursorKey: current === undefined ? null : key(current),
    move,
    rowProps,
    selected,
    toggle,
    selectAll: (on: boolean) => setSelected(on ? new Set(rows.map(key)) : new Set()),
    clearSelection: () => setSelected(new Set()),
  };
}
