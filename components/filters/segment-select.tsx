// The segment filter: "All segments" or one of them, the same on every page that filters by it.
import { SEGMENTS, type Segment } from "@/lib/values";
import { formatSegment } from "@/lib/format";

export function SegmentSelect({
  value,
  onChange,
  className,
}: {
  value: Segment | null;
  onChange: (segment: Segment | null) => void;
  className: string;
}) {
  return (
    <label className="text-xs text-muted">
      Segment
      <select
        className={`${className} mt-1 block`}
        value={value ?? ""}
        name="segment"
        onChange={(e) => onChange(SEGMENTS.find((s) => s === e.target.value) ?? null)}
      >
        <option value="">All segments</option>
        {SEGMENTS.map((s) => (
          <option key={s} value={s}>
            {formatSegment(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
