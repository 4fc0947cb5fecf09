"use client";
// The dialog that merges a category into another: its answers are re-filed there, its reason codes
// and rules follow, and it is archived.
import { useState } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { plural } from "@/lib/format";
import { mergeCategoriesAction } from "@/lib/actions/taxonomy/merge-categories";
import type { CategoryRow } from "@/lib/types/taxonomy";
import { TaxonomyDialogForm, type TaxonomyDialogProps, field, useTaxonomyWrite } from "./taxonomy-dialog";

export function MergeCategoryDialog({
  source,
  live,
  onDone,
  onCancel,
}: TaxonomyDialogProps & { source: CategoryRow; live: CategoryRow[] }) {
  const fmt = useFormat();
  const [targetId, setTargetId] = useState(live.find((x) => x.id !== source.id && !x.isUncategorized)?.id ?? "");
  const { pending, error, submit } = useTaxonomyWrite(onDone);
  return (
    <TaxonomyDialogForm
      title={`Merge “${source.name}”`}
      action="Merge"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={() => {
        const target = live.find((c) => c.id === targetId);
        submit(
          () => mergeCategoriesAction({ sourceId: source.id, targetId }),
          (d) =>
            `Merged “${source.name}” into “${target?.name}”: ${plural(d.moved, "answer")} re-filed (taxonomy version ${d.version}).`,
        );
      }}
    >
      <p className="text-sm text-muted">
        Its {fmt.number(source.answers)} answers are re-filed into the category you pick (each keeps its filing
        history), its reason codes and rules follow, and it is archived.
      </p>
      <label className="block text-sm">
        Merge into
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)} className={field} autoFocus>
          {live
            .filter((c) => c.id !== source.id)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
    </TaxonomyDialogForm>
  );
}
