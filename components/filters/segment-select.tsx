// The segment filter: "All segments" or one of them, the same on every page that filters by it.
import { SEGMENTS } from "@/lib/values";
import { formatSegment } from "@/lib/format";

export type Segment = (typeof SEGMENTS)[number];

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
        onChange={(e) => onChange((e.target.value || null) as Segment | null)}
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
