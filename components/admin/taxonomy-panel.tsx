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
import { type CategoryChange, TaxonomyTable } from "./taxonomy-table";

type Dialog = { kind: "create" } | { kind: CategoryChange; category: CategoryRow };

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
        <TaxonomyTable categories={categories} onChange={(kind, category) => setDialog({ kind, category })} />
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
