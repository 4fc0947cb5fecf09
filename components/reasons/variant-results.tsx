// An offer experiment's results, one table per flow version: each variant's offer, sessions, saves
// (pending apart) and save rate with its 95 % Wilson interval, and a plain verdict — which variant
// saves clearly more, or that the sessions cannot tell them apart yet. The editor and the Reasons
// page show the same table.
import { useFormat } from "@/components/providers/format-provider";
import { offerWords } from "@/lib/cancel/diff";
import { formatLabel } from "@/lib/format";
import type { VariantMeasure } from "@/lib/metrics/cancel-measures";
import { clearlyDifferent } from "@/lib/metrics/wilson";
import { SOMETHING_ELSE_REASON } from "@/lib/values";

/** The table's columns: label, and whether it holds numbers (right-aligned). */
const COLUMNS = [
  ["Variant", false],
  ["Offer", false],
  ["Sessions", true],
  ["Saved", true],
  ["Pending", true],
  ["Save rate (95 % interval)", true],
] as const;

const interval = (v: VariantMeasure) => (v.low === null || v.high === null ? null : { low: v.low, high: v.high });

/** The verdict on two variants, in words. */
export function variantVerdict(a: VariantMeasure | undefined, b: VariantMeasure | undefined): string {
  if (!a || !b) return "Only one variant has finished sessions so far: nothing to compare yet.";
  if (a.saveRate === null || b.saveRate === null)
    return "Every save of one variant is still inside its 30 days: nothing to compare yet.";
  if (!clearlyDifferent(interval(a), interval(b)))
    return "Not yet clear: the two intervals overlap, so these sessions cannot tell the variants apart. Let it run.";
  const [better, worse] = a.saveRate > b.saveRate ? [a, b] : [b, a];
  return `Variant ${better.variant} saves clearly more than variant ${worse.variant}: their intervals do not overlap.`;
}

export function VariantResults({
  rows,
  currency,
  reasonLabels,
}: {
  /** The variants of one flow version. */
  rows: VariantMeasure[];
  currency: string;
  /** Reason code → the label customers read, for naming the slot. */
  reasonLabels: Record<string, string>;
}) {
  const fmt = useFormat();
  const first = rows[0];
  if (!first) return null;
  const slot =
    first.reasonCode === SOMETHING_ELSE_REASON
      ? "“Something else”"
      : first.reasonCode
        ? `“${reasonLabels[first.reasonCode] ?? formatLabel(first.reasonCode)}” (${first.reasonCode})`
        : "an unknown reason";
  const a = rows.find((v) => v.variant === "A");
  const b = rows.find((v) => v.variant === "B");
  return (
    <div className="space-y-2">
      {/* Scrolls sideways on a phone; focusable, so the keyboard can scroll it too. */}
      <div
        className="overflow-x-auto"
        role="region"
        aria-label={`Variants of ${first.flowName || "a flow"}, version ${first.flowVersion}`}
        tabIndex={0}
      >
        <table className="w-full min-w-[30rem] text-sm">
          <caption className="mb-1 text-left text-sm">
            <span className="font-medium">{first.flowName || "A flow"}</span>{" "}
            <span className="text-muted">
              · version {first.flowVersion} · on {slot}
            </span>
          </caption>
          <thead className="text-left text-xs uppercase tracking-wide text-muted">
            <tr>
              {COLUMNS.map(([label, numeric]) => (
                <th key={label} scope="col" className={numeric ? "py-1 pl-3 text-right" : "py-1 pr-3"}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line tabular-nums">
            {rows.map((v) => (
              <tr key={v.variant}>
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {v.variant}
                </th>
                <td className="py-1.5 pr-3">{v.offer ? offerWords(v.offer, currency) : "–"}</td>
                <td className="py-1.5 pl-3 text-right">{fmt.number(v.sessions)}</td>
                <td className="py-1.5 pl-3 text-right">{fmt.number(v.saved)}</td>
                <td className="py-1.5 pl-3 text-right">{fmt.number(v.pending)}</td>
                <td className="py-1.5 pl-3 text-right">
                  {fmt.percent(v.saveRate)}
                  {v.low !== null && v.high !== null && (
                    <span className="text-muted">
                      {" "}
                      ({fmt.percent(v.low, 0)}–{fmt.percent(v.high, 0)})
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm" data-testid="variant-verdict">
        {variantVerdict(a, b)}
      </p>
    </div>
  );
}
