"use client";
// The filing palette: every category an answer can go to, found by typing part of its name; arrows
// choose, Enter files, Escape closes. It reaches the categories past the nine number keys.
import { useId, useState } from "react";
import { Modal } from "@/components/ui/modal";
import { plural } from "@/lib/format";
import type { WorkbenchCategory } from "@/lib/types/workbench";

/** Categories whose name holds `query`, those starting with it first, in the taxonomy's order otherwise. */
export function matchCategories<T extends { name: string }>(categories: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return categories;
  const hits = categories.filter((c) => c.name.toLowerCase().includes(q));
  const starts = (c: T) =>
    c.name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(q));
  return [...hits.filter(starts), ...hits.filter((c) => !starts(c))];
}

export function FilingPalette({
  open,
  count,
  categories,
  shortcuts,
  onFile,
  onClose,
}: {
  open: boolean;
  /** How many answers the choice files. */
  count: number;
  categories: WorkbenchCategory[];
  /** Category id → its number key, for those that have one. */
  shortcuts: ReadonlyMap<string, number>;
  onFile: (category: WorkbenchCategory) => void;
  onClose: () => void;
}) {
  return (
    <Modal open={open} onClose={onClose} labelledBy="filing-palette-title">
      {/* Mounted afresh on each opening, so the filter starts empty. */}
      <PaletteBody count={count} categories={categories} shortcuts={shortcuts} onFile={onFile} onClose={onClose} />
    </Modal>
  );
}

function PaletteBody({
  count,
  categories,
  shortcuts,
  onFile,
  onClose,
}: {
  count: number;
  categories: WorkbenchCategory[];
  shortcuts: ReadonlyMap<string, number>;
  onFile: (category: WorkbenchCategory) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const shown = matchCategories(categories, query);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (c: WorkbenchCategory) => `${id}-option-${c.id}`;

  function choose(c: WorkbenchCategory | undefined) {
    if (!c) return;
    onClose();
    onFile(c);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (Math.min(a, shown.length - 1) + step + shown.length) % Math.max(1, shown.length));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : shown.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(current);
    }
  }

  return (
    <div className="p-4">
      <h2 id="filing-palette-title" className="text-sm font-semibold">
        File {plural(count, "answer")} under…
      </h2>
      <input
        // Opening the palette is asking to type into it.
        autoFocus
        role="combobox"
        aria-label="File under"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Type part of a category's name"
        className="mt-2 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Categories" className="mt-2 max-h-80 overflow-y-auto">
        {shown.map((c) => (
          <li
            key={c.id}
            id={optionId(c)}
            role="option"
            aria-selected={c === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(c)}
            className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm ${c === current ? "bg-accent-soft" : ""}`}
          >
            <span
              className="h-2 w-2 shrink-0 rounded-full"
              style={{ background: `var(--color-${c.color})` }}
              aria-hidden
            />
            <span className="flex-1">{c.name}</span>
            {shortcuts.has(c.id) && (
              <kbd className="rounded bg-canvas px-1 font-mono text-xs text-muted" aria-hidden>
                {shortcuts.get(c.id)}
              </kbd>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="mt-2 text-sm text-muted">No category is called that.</p>}
      <p className="mt-3 text-xs text-muted">
        <kbd>↑</kbd>/<kbd>↓</kbd> choose · <kbd>Enter</kbd> file · <kbd>Esc</kbd> close
      </p>
    </div>
  );
}
