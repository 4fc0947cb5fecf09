"use client";
// What every taxonomy dialog shares: the form with its title, error and buttons, and the write that
// closes the dialog and says what changed.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CategoryInput } from "@/lib/types/taxonomy";

export const TAXONOMY_DIALOG_TITLE = "taxonomy-dialog-title";
export const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";
export const BLANK_CATEGORY: CategoryInput = { name: "", description: "", regrettable: true, color: "chart-12" };

/** Runs a taxonomy action; on success `onDone` gets the sentence `success` makes of its answer. */
export function useTaxonomyWrite(onDone: (text: string) => void) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function submit<T>(call: () => Promise<ActionResult<T>>, success: (data: T) => string) {
    start(async () => {
      setError(null);
      const result = await call();
      if (!result.ok) return setError(result.error);
      onDone(success(result.data));
    });
  }
  return { pending, error, submit };
}

export function TaxonomyDialogForm({
  title,
  action,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  /** The submit button's label. */
  action: string;
  pending: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className="space-y-4 p-5"
    >
      <h2 id={TAXONOMY_DIALOG_TITLE} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md border border-line px-3 py-1.5 text-sm">
          Cancel
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          {pending ? "Saving…" : action}
        </button>
      </div>
    </form>
  );
}

/** The props of every taxonomy dialog: `onDone` closes it with what changed, `onCancel` without. */
export interface TaxonomyDialogProps {
  onDone: (text: string) => void;
  onCancel: () => void;
}
