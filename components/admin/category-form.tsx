"use client";
// The fields of a reason category: name, description, regrettable by default, colour.
import type { CategoryInput } from "@/lib/types/taxonomy";
import { CATEGORY_COLORS } from "@/lib/values";

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

/** `unfiled`: Uncategorized, whose answers are not yet filed and which has no regrettable flag. */
export function CategoryFields({
  value,
  onChange,
  unfiled = false,
}: {
  value: CategoryInput;
  onChange: (v: CategoryInput) => void;
  unfiled?: boolean;
}) {
  return (
    <div className="space-y-3">
      <label className="block text-sm">
        Name
        <input
          required
          maxLength={80}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          className={field}
          autoFocus
        />
      </label>
      <label className="block text-sm">
        Description
        <input
          maxLength={500}
          value={value.description}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
          className={field}
        />
      </label>
      {unfiled ? (
        <p className="text-sm text-muted">
          Answers here are not yet filed: they count as neither regrettable nor not until they are filed in another
          category.
        </p>
      ) : (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={value.regrettable}
            onChange={(e) => onChange({ ...value, regrettable: e.target.checked })}
          />
          Regrettable by default (a loss the company could have prevented)
        </label>
      )}
      <fieldset className="text-sm">
        <legend>Colour</legend>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {CATEGORY_COLORS.map((c) => (
            <label key={c} className="cursor-pointer" title={c}>
              <input
                type="radio"
                name="color"
                value={c}
                checked={value.color === c}
                onChange={() => onChange({ ...value, color: c })}
                className="peer sr-only"
              />
              <span
                className="block h-6 w-6 rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-ink peer-focus-visible:ring-2 peer-focus-visible:ring-accent"
                style={{ background: `var(--color-${c})` }}
              />
              <span className="sr-only">{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
