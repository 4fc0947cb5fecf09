"use client";
// This page's own triage writes, laid over the rows the server sent. A write answers with the item
// as it left it, and that shows at once; the server's copy replaces it once it is as new (a higher
// version, or the same version with a later contact), so a page refresh sent before the write
// landed cannot undo it on screen. A row the person changed stays where it was — showing its new
// state — until the cursor moves on, even when the change takes it out of the list's filter, and
// a key pressed on a row whose write is still on its way waits for that write.
import { useRef, useState } from "react";
import type { ItemState } from "@/lib/types/triage";
import type { ActionResult } from "@/lib/actions/safe-action";

/** What every triage action answers: the new version and the item as the write left it. */
export interface TriageAnswer {
  version: number;
  item: ItemState | null;
}

export type TriageRun = (
  call: () => Promise<ActionResult<TriageAnswer>>,
  success: string,
  undo?: (data: TriageAnswer) => () => void,
) => Promise<ActionResult<TriageAnswer>>;

type Shown = Omit<ItemState, "id"> & { id: string; assigneeName: string | null };

/** True when `state` is newer than what `row` shows. */
export function isNewer(state: ItemState, row: { version: number; lastOutreachAt: string | null }): boolean {
  if (state.version !== row.version) return state.version > row.version;
  return (state.lastOutreachAt ?? "") > (row.lastOutreachAt ?? "");
}

/** `row` with `state` laid over it when that is newer; the assignee's name from `nameOf`. */
export function overlay<R extends Shown>(
  row: R,
  state: ItemState | undefined,
  nameOf: (id: string) => string | null,
): R {
  if (!state || state.id !== row.id || !isNewer(state, row)) return row;
  const assigneeName =
    state.assigneeId === row.assigneeId
      ? row.assigneeName
      : state.assigneeId === null
        ? null
        : nameOf(state.assigneeId);
  return { ...row, ...state, assigneeName };
}

export function useWrittenItems<R extends Shown>(rows: readonly R[], nameOf: (id: string) => string | null) {
  const [written, setWritten] = useState<ReadonlyMap<string, ItemState>>(new Map());
  const [kept, setKept] = useState<ReadonlyMap<string, { row: R; index: number }>>(new Map());
  // The same answers for event handlers that resume after a wait, and the writes still on their way.
  const latest = useRef(new Map<string, ItemState>());
  const inFlight = useRef(new Map<string, Promise<unknown>>());

  const present = new Set(rows.map((r) => r.id));
  const shown = rows.map((r) => overlay(r, written.get(r.id), nameOf));
  const leaving = new Set<string>();
  for (const [id, { row, index }] of [...kept].sort((a, b) => a[1].index - b[1].index)) {
    if (present.has(id)) continue;
    leaving.add(id);
    shown.splice(Math.min(index, shown.length), 0, overlay(row, written.get(id), nameOf));
  }

  function remember(state: ItemState) {
    const known = latest.current.get(state.id);
    if (known && !isNewer(state, known)) return;
    latest.current.set(state.id, state);
    setWritten((m) => new Map(m).set(state.id, state));
  }

  return {
    /** The rows to draw: the server's, with this page's newer writes, and the rows kept in place. */
    rows: shown,
    /** Rows kept in place that the list no longer holds: they go when the cursor moves on. */
    leaving,
    remember,
    /** Runs a write on the item `id`: its row is kept in place, and its answer shown at once. */
    track(id: string | undefined, write: Promise<ActionResult<TriageAnswer>>) {
      const done = write.then((result) => {
        if (result.ok && result.data.item) remember(result.data.item);
        return result;
      });
      if (id !== undefined) {
        const index = shown.findIndex((r) => r.id === id);
        const row = shown[index];
        if (row && !kept.has(id)) setKept((m) => new Map(m).set(id, { row, index }));
        inFlight.current.set(id, done);
        void done.then(() => {
          if (inFlight.current.get(id) === done) inFlight.current.delete(id);
        });
      }
      return done;
    },
    /** Waits for the write on `row` still on its way, then gives the row as it now is. */
    async settled(row: R): Promise<R> {
      await inFlight.current.get(row.id);
      return overlay(row, latest.current.get(row.id), nameOf);
    },
    /** Lets the kept rows go, but the one under the cursor (none: all of them). */
    release(keep: string | null) {
      if ([...kept.keys()].every((id) => id === keep)) return;
      setKept((m) => new Map([...m].filter(([id]) => id === keep)));
    },
  };
}
