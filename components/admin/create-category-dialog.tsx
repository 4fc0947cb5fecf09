"use client";
// The dialog that adds a reason category (a new taxonomy version).
import { useState } from "react";
import { createCategoryAction } from "@/lib/actions/taxonomy/create-category";
import { CategoryFields } from "./category-form";
import { BLANK_CATEGORY, TaxonomyDialogForm, type TaxonomyDialogProps, useTaxonomyWrite } from "./taxonomy-dialog";

export function CreateCategoryDialog({ onDone, onCancel }: TaxonomyDialogProps) {
  const [value, setValue] = useState(BLANK_CATEGORY);
  const { pending, error, submit } = useTaxonomyWrite(onDone);
  return (
    <TaxonomyDialogForm
      title="New category"
      action="Save"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        submit(
          () => createCategoryAction(value),
          (d) => `Created “${value.name}” (taxonomy version ${d.version}).`,
        )
      }
    >
      <CategoryFields value={value} onChange={setValue} />
    </TaxonomyDialogForm>
  );
}
