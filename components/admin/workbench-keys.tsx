"use client";
// The workbench's key bar: the categories on the number keys, the palette (f) for any other, and a
// reminder of the other keys. Each is also a button.
import type { WorkbenchCategory } from "@/lib/types/workbench";

const key =
  "flex items-center gap-1 rounded-md border border-line bg-surface px-2 py-1 hover:bg-canvas disabled:opacity-50";

export function WorkbenchKeys({
  targets,
  disabled,
  onFile,
  onPalette,
}: {
  /** The categories on keys 1–9, in order. */
  targets: WorkbenchCategory[];
  disabled: boolean;
  onFile: (category: WorkbenchCategory) => void;
  onPalette: () => void;
}) {
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-xs" aria-label="Keys">
      <span className="text-muted">File with:</span>
      {targets.map((c, i) => (
        <button key={c.id} type="button" disabled={disabled} onClick={() => onFile(c)} className={key}>
          <kbd className="rounded bg-canvas px-1 font-mono">{i + 1}</kbd>
          <span className="h-2 w-2 rounded-full" style={{ background: `var(--color-${c.color})` }} aria-hidden />
          {c.name}
        </button>
      ))}
      <button type="button" disabled={disabled} onClick={onPalette} className={key}>
        <kbd className="rounded bg-canvas px-1 font-mono">f</kbd>
        Any category…
      </button>
      <span className="text-muted">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>y</kbd> accept suggestion · <kbd>r</kbd> regrettable
      </span>
    </div>
  );
}

/** What the list says when no answer is left to show. */
export function WorkbenchEmpty({ filtered, category }: { filtered: boolean; category: string }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-surface p-10 text-center">
      <p className="font-medium">{filtered ? "No answer matches" : `Nothing left in ${category}`}</p>
      <p className="mt-2 text-sm text-muted">
        {filtered
          ? "Try other words or clear the reason code."
          : "Every answer here has been filed. New answers with unknown reason codes arrive here."}
      </p>
    </div>
  );
}
