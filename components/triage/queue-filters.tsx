// The queue's filters, kept in the URL: whose items, status, segment, owner and (on Due today) the day.
import type { inferParserType } from "nuqs";
import type { queueFilterParsers } from "@/lib/filters";
import { QUEUE_STATUS_FILTERS, QUEUE_WHO, STATUS_LABEL } from "@/lib/values";
import { SegmentSelect } from "@/components/filters/segment-select";
import { utcDay } from "./dates";
import { QueueKeyHint } from "./queue-key-hint";

export type QueueFilterValues = inferParserType<typeof queueFilterParsers>;
/** A change to some filters; every change goes back to page 1. */
export type QueueFilterChange = Partial<Omit<QueueFilterValues, "page">>;

const WHO_LABEL: Record<(typeof QUEUE_WHO)[number], string> = { all: "All", mine: "Mine", unassigned: "Unassigned" };
const STATUS_FILTER_LABEL: Record<(typeof QUEUE_STATUS_FILTERS)[number], string> = {
  live: "Open, contacted or in progress",
  snoozed: "Snoozed",
  ...STATUS_LABEL,
};
export const selectClass = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

export function QueueFilters({
  filters,
  users,
  canSelect,
  onChange,
}: {
  filters: QueueFilterValues;
  users: { id: string; name: string }[];
  /** Whether this person may select rows (the key hint then names x). */
  canSelect: boolean;
  onChange: (change: QueueFilterChange) => void;
}) {
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3"
      aria-label="Queue filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="flex rounded-md border border-line bg-surface p-0.5 text-sm">
        <legend className="sr-only">Whose items</legend>
        {QUEUE_WHO.map((w) => (
          <label
            key={w}
            className={`cursor-pointer rounded px-3 py-1 ${filters.who === w ? "bg-accent text-accent-ink" : "text-muted"}`}
          >
            <input
              type="radio"
              name="who"
              value={w}
              checked={filters.who === w}
              onChange={() => onChange({ who: w })}
              className="sr-only"
            />
            {WHO_LABEL[w]}
          </label>
        ))}
      </fieldset>
      <label className="text-xs text-muted">
        Status
        <select
          className={`${selectClass} mt-1 block`}
          value={filters.status}
          onChange={(e) => {
            const status = QUEUE_STATUS_FILTERS.find((s) => s === e.target.value);
            if (status) onChange({ status });
          }}
        >
          {QUEUE_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_FILTER_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <SegmentSelect className={selectClass} value={filters.segment} onChange={(segment) => onChange({ segment })} />
      <label className="text-xs text-muted">
        Owner
        <select
          className={`${selectClass} mt-1 block`}
          value={filters.owner ?? ""}
          onChange={(e) => onChange({ owner: e.target.value || null })}
        >
          <option value="">Anyone</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {filters.tab === "due" && (
        <label className="text-xs text-muted">
          Due by
          <input
            type="date"
            className={`${selectClass} mt-1 block`}
            value={filters.on ?? utcDay()}
            onChange={(e) => onChange({ on: e.target.value || null })}
          />
        </label>
      )}
      <QueueKeyHint canSelect={canSelect} />
    </form>
  );
}
