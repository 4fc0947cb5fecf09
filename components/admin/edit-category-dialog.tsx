"use client";
// The dialog that renames or edits a reason category (a new taxonomy version). Uncategorized has no
// regrettable flag to edit: its answers are not yet filed.
import { useState } from "react";
import { updateCategoryAction } from "@/lib/actions/taxonomy/update-category";
import type { CategoryRow } from "@/lib/types/taxonomy";
import { CategoryFields } from "./category-form";
import { TaxonomyDialogForm, type TaxonomyDialogProps, useTaxonomyWrite } from "./taxonomy-dialog";

export function EditCategoryDialog({ category, onDone, onCancel }: TaxonomyDialogProps & { category: CategoryRow }) {
  const [value, setValue] = useState({
    name: category.name,
    description: category.description,
    regrettable: category.regrettable,
    color: category.color,
  });
  const { pending, error, submit } = useTaxonomyWrite(onDone);
  return (
    <TaxonomyDialogForm
      title="Edit category"
      action="Save"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        submit(
          () => updateCategoryAction({ id: category.id, category: value }),
          (d) => `Saved “${value.name}” (taxonomy version ${d.version}).`,
        )
      }
    >
      <CategoryFields value={value} unfiled={category.isUncategorized} onChange={setValue} />
    </TaxonomyDialogForm>
  );
}
