"use client";
// Admin: the reason categories — create, edit or rename, merge, split and archive — each change a
// new taxonomy version, with the versions listed beside. Each change has its dialog (*-dialog.tsx).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { useFormat } from "@/components/providers/format-provider";
import type { CategoryRow, TaxonomyVersion } from "@/lib/types/taxonomy";
import { ArchiveCategoryDialog } from "./archive-category-dialog";
import { CreateCategoryDialog } from "./create-category-dialog";
import { EditCategoryDialog } from "./edit-category-dialog";
import { MergeCategoryDialog } from "./merge-category-dialog";
import { SplitCategoryDialog } from "./split-category-dialog";
import { TAXONOMY_DIALOG_TITLE } from "./taxonomy-dialog";

type Dialog = { kind: "create" } | { kind: "edit" | "merge" | "split" | "archive"; category: CategoryRow };

const button = "rounded-md border border-line px-2 py-1 text-xs hover:bg-canvas";

export function TaxonomyPanel({ categories, versions }: { categories: CategoryRow[]; versions: TaxonomyVersion[] }) {
  const fmt = useFormat();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const live = categories.filter((c) => !c.archived);
  const close = () => setDialog(null);
  // The one refresh after a change: the dialog closes and the page reads the taxonomy again.
  const onDone = (text: string) => {
    setDone(text);
    setDialog(null);
    router.refresh();
  };

  return (
    <div className="grid gap-6 2xl:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <div className="flex items-center justify-between">
          {done ? (
            <p role="status" className="text-sm text-good">
              {done}
            </p>
          ) : (
            <span />
          )}
          <button
            type="button"
            onClick={() => setDialog({ kind: "create" })}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
          >
            New category
          </button>
        </div>
        <div className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Reason categories</caption>
            <thead className="border-b border-line bg-canvas/60 text-xs uppercase tracking-wide text-muted">
              <tr>
                {["Category", "Regrettable", "Reason codes", "Answers", ""].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {categories.map((c) => (
                <tr
                  key={c.id}
                  data-testid="category-row"
                  data-category={c.name}
                  className={c.archived ? "text-muted" : ""}
                >
                  <td className="px-4 py-2">
                    <span className="flex items-start gap-2">
                      <span
                        className="mt-1 h-3 w-3 shrink-0 rounded-full"
                        style={{ background: `var(--color-${c.color})` }}
                        aria-hidden
                      />
                      <span>
                        <span className="font-medium">{c.name}</span>
                        {c.archived && <span className="ml-2 rounded bg-canvas px-1.5 text-xs">archived</span>}
                        {c.description && <span className="block text-xs text-muted">{c.description}</span>}
                      </span>
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    {c.isUncategorized ? (
                      <span className="text-muted">Neither — not yet filed</span>
                    ) : c.regrettable ? (
                      "Yes"
                    ) : (
                      "No"
                    )}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{c.reasonCodes.join(", ") || "–"}</td>
                  <td className="px-4 py-2 tabular-nums">{fmt.number(c.answers)}</td>
                  <td className="px-4 py-2">
                    {!c.archived && (
                      <span className="flex flex-wrap justify-end gap-1">
                        <button
                          type="button"
                          className={button}
                          onClick={() => setDialog({ kind: "edit", category: c })}
                        >
                          Edit
                        </button>
                        {!c.isUncategorized && (
                          <>
                            <button
                              type="button"
                              className={button}
                              onClick={() => setDialog({ kind: "merge", category: c })}
                            >
                              Merge…
                            </button>
                            <button
                              type="button"
                              className={button}
                              onClick={() => setDialog({ kind: "archive", category: c })}
                            >
                              Archive
                            </button>
                          </>
                        )}
                        <button
                          type="button"
                          className={button}
                          onClick={() => setDialog({ kind: "split", category: c })}
                        >
                          Split…
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <aside className="rounded-xl border border-line bg-surface p-4" aria-label="Taxonomy versions">
        <h2 className="font-semibold">Versions</h2>
        <p className="text-xs text-muted">The reasons charts say which version they show.</p>
        <ol className="mt-3 space-y-2 text-sm" data-testid="taxonomy-versions">
          {versions.map((v) => (
            <li key={v.version}>
              <span className="font-medium">v{v.version}</span> {v.note}
              <span className="block text-xs text-muted">
                {fmt.dateTime(v.at)}
                {v.by ? ` · ${v.by}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </aside>

      <Modal open={dialog !== null} onClose={close} labelledBy={TAXONOMY_DIALOG_TITLE}>
        {dialog?.kind === "create" && <CreateCategoryDialog onDone={onDone} onCancel={close} />}
        {dialog?.kind === "edit" && <EditCategoryDialog category={dialog.category} onDone={onDone} onCancel={close} />}
        {dialog?.kind === "merge" && (
          <MergeCategoryDialog source={dialog.category} live={live} onDone={onDone} onCancel={close} />
        )}
        {dialog?.kind === "split" && <SplitCategoryDialog source={dialog.category} onDone={onDone} onCancel={close} />}
        {dialog?.kind === "archive" && (
          <ArchiveCategoryDialog source={dialog.category} onDone={onDone} onCancel={close} />
        )}
      </Modal>
    </div>
  );
}
