"use client";
// The workbench's filters: the category shown, a search of the answers (/ focuses it), the reason
// code, and how many answers match.
import type { Ref } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { plural } from "@/lib/format";
import type { ReasonCodeCount, WorkbenchCategory } from "@/lib/types/workbench";

const select = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function WorkbenchFilterBar({
  category,
  code,
  categories,
  codes,
  search,
  searchRef,
  total,
  onSearch,
  onCategory,
  onCode,
}: {
  category: string;
  code: string | null;
  categories: WorkbenchCategory[];
  codes: ReasonCodeCount[];
  search: string;
  searchRef: Ref<HTMLInputElement>;
  /** The answers in the list now, as the page counts them. */
  total: number;
  onSearch: (q: string) => void;
  onCategory: (id: string) => void;
  onCode: (code: string | null) => void;
}) {
  const fmt = useFormat();
  const current = categories.find((c) => c.id === category);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3"
      aria-label="Answer filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="text-xs text-muted">
        Category
        <select className={`${select} mt-1 block`} value={category} onChange={(e) => onCategory(e.target.value)}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-muted">
        Search the answers <kbd>/</kbd>
        <input
          ref={searchRef}
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Words in the answer, or an account"
          className={`${select} mt-1 block w-72`}
        />
      </label>
      <label className="text-xs text-muted">
        Reason code
        <select className={`${select} mt-1 block`} value={code ?? ""} onChange={(e) => onCode(e.target.value || null)}>
          <option value="">Any</option>
          {codes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} ({c.n})
            </option>
          ))}
        </select>
      </label>
      <p className="ml-auto text-sm text-muted" data-testid="workbench-total">
        {plural(total, "answer", "answers", fmt.number)} in {current?.name ?? "this category"}
      </p>
    </form>
  );
}
