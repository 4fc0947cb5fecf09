"use client";
// Date range, segment and plan for the metrics pages; every change lands in the URL. A change of
// one end writes both as shown, so a range the page swapped stays swapped.
import { useMetricsFilters } from "@/components/metrics/use-filters";
import { SegmentSelect } from "./segment-select";

export function FilterBar({
  plans,
  defaultFrom,
  defaultTo,
}: {
  plans: string[];
  defaultFrom: string;
  defaultTo: string;
}) {
  const [filters, setFilters] = useMetricsFilters();
  const active = filters.from || filters.to || filters.segment || filters.plan;
  const field = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";
  return (
    <form
      className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-3"
      aria-label="Filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="text-xs text-muted">
        From
        <input
          type="month"
          className={`${field} mt-1 block`}
          value={filters.from ?? defaultFrom}
          max={filters.to ?? defaultTo}
          onChange={(e) => setFilters({ from: e.target.value || null, to: filters.to })}
          name="from"
        />
      </label>
      <label className="text-xs text-muted">
        To
        <input
          type="month"
          className={`${field} mt-1 block`}
          value={filters.to ?? defaultTo}
          min={filters.from ?? defaultFrom}
          onChange={(e) => setFilters({ from: filters.from, to: e.target.value || null })}
          name="to"
        />
      </label>
      <SegmentSelect className={field} value={filters.segment} onChange={(segment) => setFilters({ segment })} />
      <label className="text-xs text-muted">
        Plan
        <select
          className={`${field} mt-1 block`}
          value={filters.plan ?? ""}
          name="plan"
          onChange={(e) => setFilters({ plan: e.target.value || null })}
        >
          <option value="">All plans</option>
          {plans.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="rounded-md px-2 py-1.5 text-sm text-accent hover:underline"
          onClick={() => setFilters({ from: null, to: null, segment: null, plan: null })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
