"use client";
// The workbench's writes, one after another in the order the keys were pressed. A press is never
// ignored while an earlier write is in flight: the answers it files leave the list at once (so the
// cursor is already on the next answer for the next press) and come back if the server refuses.
import { useMemo, useRef, useState } from "react";
import type { WorkbenchAnswer } from "@/lib/types/workbench";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/safe-action";

/** What an answer's regrettable flag will be once the writes waiting for it are done. */
export interface PendingFlag {
  regrettable: boolean;
  override: boolean | null;
}

export function useWorkbenchQueue(answers: WorkbenchAnswer[]) {
  const action = useAction();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [waiting, setWaiting] = useState(0);
  // Mirrored in refs so presses that come before React renders again see the earlier ones. An
  // answer filed away is hidden while it is still listed in the category it left: once the server's
  // list no longer has it there (or another category is shown) it needs no hiding.
  const hiddenRef = useRef<ReadonlyMap<string, string>>(new Map());
  const [hidden, setHiddenState] = useState<ReadonlyMap<string, string>>(() => new Map());
  const flagsRef = useRef<ReadonlyMap<string, PendingFlag>>(new Map());
  const [flags, setFlagsState] = useState<ReadonlyMap<string, PendingFlag>>(() => new Map());

  const setHidden = (next: ReadonlyMap<string, string>) => {
    hiddenRef.current = next;
    setHiddenState(next);
  };
  const setFlags = (next: ReadonlyMap<string, PendingFlag>) => {
    flagsRef.current = next;
    setFlagsState(next);
  };
  const without = <V>(map: ReadonlyMap<string, V>, refs: string[]) =>
    new Map([...map].filter(([r]) => !refs.includes(r)));

  // Writes queued and not yet done: the page's data is refreshed once, after the last of them
  // (a refresh between two writes would hold the next one up behind it).
  const queued = useRef(0);
  const lastInQueue = () => queued.current === 1;

  /** Runs `write` after every write queued before it. */
  function enqueue<T>(write: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    queued.current += 1;
    setWaiting((n) => n + 1);
    const next = chain.current.then(write).finally(() => {
      queued.current -= 1;
      setWaiting((n) => n - 1);
    });
    chain.current = next.catch(() => undefined);
    return next;
  }

  /** Hides `refs` now and runs `write` in its turn; they come back if it fails. */
  function moveAway<T>(
    refs: string[],
    call: () => Promise<ActionResult<T>>,
    success: string,
    undo?: (data: T) => () => void,
  ) {
    const from = new Map(answers.map((a) => [a.ref, a.categoryId]));
    setHidden(new Map([...hiddenRef.current, ...refs.map((r): [string, string] => [r, from.get(r) ?? ""])]));
    void enqueue(async () => {
      const result = await action.run(call, success, undo, lastInQueue);
      if (!result.ok) setHidden(without(hiddenRef.current, refs));
      return result;
    });
  }

  /** Sets a pending flag on `ref` now and runs `write` in its turn; the flag is dropped if it fails. */
  function flag<T>(
    ref: string,
    to: PendingFlag,
    call: () => Promise<ActionResult<T>>,
    success: string,
    undo?: (data: T) => () => void,
  ) {
    setFlags(new Map([...flagsRef.current, [ref, to]]));
    void enqueue(async () => {
      const result = await action.run(call, success, undo, lastInQueue);
      if (!result.ok) setFlags(without(flagsRef.current, [ref]));
      return result;
    });
  }

  const isHidden = (map: ReadonlyMap<string, string>, a: WorkbenchAnswer) => map.get(a.ref) === a.categoryId;
  const flagIn = (map: ReadonlyMap<string, PendingFlag>, a: WorkbenchAnswer): PendingFlag | null =>
    map.get(a.ref) ?? (a.regrettable === null ? null : { regrettable: a.regrettable, override: a.regrettableOverride });

  // One array per change, so the row cursor sees new rows only when they are new.
  const visible = useMemo(() => answers.filter((a) => hidden.get(a.ref) !== a.categoryId), [answers, hidden]);

  return {
    ...action,
    waiting,
    /** The answers as they will be once the queued writes are done (for rendering). */
    visible,
    /** The same, as of this moment (for a key press that may come before the next render). */
    showing: () => answers.filter((a) => !isHidden(hiddenRef.current, a)),
    /** An answer's regrettable flag as it will be; null while it is not yet filed. */
    flagOf: (a: WorkbenchAnswer) => flagIn(flags, a),
    flagNow: (a: WorkbenchAnswer) => flagIn(flagsRef.current, a),
    moveAway,
    flag,
    /** Undo: run in turn, and show the answers again at once. */
    undo: <T>(refs: string[], call: () => Promise<ActionResult<T>>, success: string) => {
      setHidden(without(hiddenRef.current, refs));
      void enqueue(() => action.run(call, success, undefined, lastInQueue));
    },
  };
}
