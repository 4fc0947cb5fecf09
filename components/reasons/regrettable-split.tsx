"use client";
// Regrettable, not regrettable and not yet filed: answers waiting in Uncategorized are neither of
// the first two, so they are shown apart (docs/metrics.md).
import { chart } from "@/components/charts/theme";
import { useFormat } from "@/components/providers/format-provider";
import { Explain } from "@/components/ui/explain";
import { Panel } from "@/components/ui/panel";
import { METRIC_DOC } from "@/lib/docs-links";
import { plural } from "@/lib/format";
import { type ReasonsReport, type SplitPart, regrettableSplit } from "@/lib/metrics/reasons";

export function RegrettableSplit({
  categories,
  total,
  money,
}: {
  categories: ReasonsReport["categories"];
  total: number;
  money: (cents: number) => string;
}) {
  const fmt = useFormat();
  const split = regrettableSplit(categories);
  const share = (n: number) => (total > 0 ? n / total : null);
  const parts: { key: string; label: string; part: SplitPart; color: string; testId: string }[] = [
    {
      key: "regrettable",
      label: "Regrettable",
      part: split.regrettable,
      color: chart.negative,
      testId: "regrettable-count",
    },
    {
      key: "not",
      label: "Not regrettable",
      part: split.notRegrettable,
      color: chart.series(9),
      testId: "not-regrettable-count",
    },
    { key: "unfiled", label: "Not yet filed", part: split.unfiled, color: chart.muted, testId: "unfiled-count" },
  ];
  return (
    <Panel
      title="Regrettable or not"
      description="Regrettable churn is caused by something the company controls: product, quality, support, price and value. Answers waiting in Uncategorized are not yet filed, so they are neither."
    >
      <div
        className="flex h-6 overflow-hidden rounded"
        role="img"
        aria-label={`${split.regrettable.responses} of ${plural(total, "answer")} regrettable, ${split.notRegrettable.responses} not regrettable, ${split.unfiled.responses} not yet filed`}
      >
        {parts.map((p) => (
          <div
            key={p.key}
            style={{ width: `${(100 * (share(p.part.responses) ?? 0)).toFixed(3)}%`, background: p.color }}
          />
        ))}
      </div>
      <dl className="mt-4 grid grid-cols-3 gap-4 text-sm">
        {parts.map((p) => (
          <div key={p.key}>
            <dt className="flex items-center text-muted">
              <span
                className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm"
                style={{ background: p.color }}
                aria-hidden
              />
              {p.label}
              {p.key === "regrettable" && (
                <Explain label="Regrettable answers" doc={METRIC_DOC.reasonBreakdown}>
                  <p>
                    Answers filed in categories marked regrettable, unless an admin overrode the answer:{" "}
                    {fmt.number(p.part.responses)} of {plural(total, "answer", "answers", fmt.number)} (
                    {fmt.percent(share(p.part.responses))}
                    ). Answers still in Uncategorized ({fmt.number(split.unfiled.responses)}) count as neither.
                  </p>
                </Explain>
              )}
            </dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={p.testId}>
              {fmt.number(p.part.responses)}{" "}
              <span className="text-sm font-normal text-muted">({fmt.percent(share(p.part.responses))})</span>
            </dd>
            <dd className="text-muted">{money(p.part.mrrLostCents)} MRR lost</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
