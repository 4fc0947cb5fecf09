"use client";
// The dialog that archives a category: it takes no new answers, and its past answers stay.
import { useFormat } from "@/components/providers/format-provider";
import { archiveCategoryAction } from "@/lib/actions/taxonomy/archive-category";
import type { CategoryRow } from "@/lib/types/taxonomy";
import { TaxonomyDialogForm, type TaxonomyDialogProps, useTaxonomyWrite } from "./taxonomy-dialog";

export function ArchiveCategoryDialog({ source, onDone, onCancel }: TaxonomyDialogProps & { source: CategoryRow }) {
  const fmt = useFormat();
  const { pending, error, submit } = useTaxonomyWrite(onDone);
  return (
    <TaxonomyDialogForm
      title={`Archive “${source.name}”`}
      action="Archive"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        submit(
          () => archiveCategoryAction({ id: source.id }),
          (d) => `Archived “${source.name}” (taxonomy version ${d.version}).`,
        )
      }
    >
      <p className="text-sm text-muted">
        “{source.name}” stops taking answers: its reason codes ({source.reasonCodes.join(", ") || "none"}) will file new
        answers into Uncategorized, and its rules stop. Its {fmt.number(source.answers)} answers stay where they are, so
        past charts do not change.
      </p>
    </TaxonomyDialogForm>
  );
}
