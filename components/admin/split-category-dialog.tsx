"use client";
// The dialog that splits the answers matching a keyword or pattern out of a category into a new one.
import { useState } from "react";
import { plural } from "@/lib/format";
import { splitCategoryAction } from "@/lib/actions/taxonomy/split-category";
import type { CategoryRow, MatchKind } from "@/lib/types/taxonomy";
import { CategoryFields } from "./category-form";
import {
  BLANK_CATEGORY,
  TaxonomyDialogForm,
  type TaxonomyDialogProps,
  field,
  useTaxonomyWrite,
} from "./taxonomy-dialog";

export function SplitCategoryDialog({ source, onDone, onCancel }: TaxonomyDialogProps & { source: CategoryRow }) {
  const [value, setValue] = useState({ ...BLANK_CATEGORY, regrettable: source.regrettable });
  const [pattern, setPattern] = useState("");
  const [matchKind, setMatchKind] = useState<MatchKind>("keyword");
  const [reasonCode, setReasonCode] = useState("");
  const { pending, error, submit } = useTaxonomyWrite(onDone);
  return (
    <TaxonomyDialogForm
      title={`Split “${source.name}”`}
      action="Split"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        submit(
          () =>
            splitCategoryAction({
              sourceId: source.id,
              category: value,
              match: { pattern, matchKind, reasonCode: reasonCode || null },
            }),
          (d) =>
            `Split “${value.name}” out of “${source.name}”: ${plural(d.moved, "answer")} moved (taxonomy version ${d.version}).`,
        )
      }
    >
      <p className="text-sm text-muted">Answers of “{source.name}” whose text matches move to the new category.</p>
      <div className="grid grid-cols-[1fr_auto] gap-2">
        <label className="block text-sm">
          Keyword or pattern
          <input
            required
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
            className={field}
            placeholder="e.g. salesforce"
          />
        </label>
        <label className="block text-sm">
          Match as
          <select
            value={matchKind}
            onChange={(e) => setMatchKind(e.target.value === "regex" ? "regex" : "keyword")}
            className={field}
          >
            <option value="keyword">Keyword</option>
            <option value="regex">Regular expression</option>
          </select>
        </label>
      </div>
      <label className="block text-sm">
        Only with reason code <span className="text-muted">(optional)</span>
        <input
          value={reasonCode}
          onChange={(e) => setReasonCode(e.target.value)}
          className={field}
          placeholder="e.g. missing_features"
        />
      </label>
      <h3 className="pt-2 text-sm font-semibold">The new category</h3>
      <CategoryFields value={value} onChange={setValue} />
    </TaxonomyDialogForm>
  );
}
