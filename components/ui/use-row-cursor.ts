"use client";
// Keyboard work on a table: a cursor row moved with j/k (focus follows), and a selection of rows.
import { useRef, useState } from "react";

/** True while the person types in a field or a dialog is open: single-key shortcuts stay off. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || !!el.closest("dialog[open]"))
  );
}

export function useRowCursor<T>(rows: readonly T[], key: (row: T) => string) {
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const refs = useRef<(HTMLTableRowElement | null)[]>([]);

  // Rows come and go as the server data refreshes: keep the cursor in range and the selection real.
  // Adjusted during render when a new rows array arrives, so a stale cursor or selection is never painted.
  const [seenRows, setSeenRows] = useState(rows);
  if (seenRows !== rows) {
    setSeenRows(rows);
    setCursor((c) => Math.min(c, Math.max(0, rows.length - 1)));
    setSelected((s) => new Set([...s].filter((k) => rows.some((r) => key(r) === k))));
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setCursor(next);
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
    onFocus: () => setCursor(i),
    onClick: () => setCursor(i),
  });

  return {
    cursor,
    current: rows[Math.min(cursor, rows.length - 1)],
    move,
    rowProps,
    selected,
    toggle,
    selectAll: (on: boolean) => setSelected(on ? new Set(rows.map(key)) : new Set()),
    clearSelection: () => setSelected(new Set()),
  };
}
