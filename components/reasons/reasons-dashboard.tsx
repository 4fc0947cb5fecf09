"use client";
// Reasons: answers and MRR lost per category per month, regrettable against not, save rate by offer
// with pending saves apart, the cancel flow's sessions, experiments and watchlist, and the
// reason-code table. Bars and figures drill through to their accounts.
import { useQuery } from "@tanstack/react-query";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { ChartTable } from "@/components/charts/chart-table";
import { ReasonsByMonthChart, SaveRateChart } from "@/components/charts/lazy";
import { DrillPanel } from "@/components/drill/drill-panel";
import { useDrill, useMetricsFilters } from "@/components/metrics/use-filters";
import { CsvLink } from "@/components/ui/csv-link";
import { PngButton } from "@/components/ui/png-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Explain } from "@/components/ui/explain";
import { METRIC_DOC } from "@/lib/docs-links";
import { Panel } from "@/components/ui/panel";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { CancelFlowMeasures } from "./cancel-flow-measures";
import { CategoryTable } from "./category-table";
import { ReasonCodeTable } from "./reason-code-table";
import { RegrettableSplit } from "./regrettable-split";
import { VERBATIMS_ID, VerbatimsList } from "./verbatims-list";
import { useVerbatimsParams } from "./verbatims-params";
import { formatLabel, plural } from "@/lib/format";
import { useFormat } from "@/components/providers/format-provider";
import { metricsUrl, reasonsQuery } from "@/lib/query/metrics";

const MEASURES = ["responses", "mrr"] as const;

export function ReasonsDashboard({ currency }: { currency: string }) {
  const fmt = useFormat();
  const [filters] = useMetricsFilters();
  const [, setDrill] = useDrill();
  const [measure, setMeasure] = useQueryState("measure", parseAsStringLiteral(MEASURES).withDefault("responses"));
  const [, setVerbatims] = useVerbatimsParams();
  const readAnswers = (category: string) => {
    void setVerbatims({ vcategory: category, vpage: null });
    document.getElementById(VERBATIMS_ID)?.scrollIntoView({ behavior: "smooth", block: "start" });
  };
  const query = useQuery(reasonsQuery(filters));
  // Whole currency units everywhere on the page; compact ($1.2K) only on the chart's axis.
  const money = (c: number) => fmt.money(c, currency);
  const axisMoney = (c: number) => fmt.money(c, currency, { compact: true });

  if (query.isError) return <EmptyState title="The reasons could not be loaded">{query.error.message}</EmptyState>;
  if (!query.data) return <FiguresSkeleton label="reasons" />;
  const r = query.data;
  const total = r.categories.reduce((s, c) => s + c.responses, 0);
  const cancelFlow = (
    <CancelFlowMeasures
      report={r}
      filters={filters}
      currency={currency}
      reasonLabels={{}}
      onDrill={(d) => void setDrill(d)}
    />
  );
  if (total === 0) {
    const sessions = Object.values(r.sessions).some((n) => n > 0) || r.watchlistAccounts > 0;
    return (
      <div className="space-y-6">
        <EmptyState title="No cancellation answers in this range">
          Widen the dates or clear the filters. Answers arrive through POST /api/v1/cancellations.
        </EmptyState>
        {sessions && cancelFlow}
        <DrillPanel currency={currency} />
      </div>
    );
  }
  const used = r.categories.filter((c) => c.responses > 0);
  const months = [...new Set(r.byMonth.map((m) => m.month))].sort();
  const rows = months.map((month) => {
    const row: Record<string, number | string> = { month };
    for (const m of r.byMonth.filter((x) => x.month === month))
      row[m.category] = measure === "responses" ? m.responses : m.mrrLostCents;
    return row;
  });
  const offers = r.byOffer.map((o) => ({
    offer: formatLabel(o.offer),
    saved: o.saved,
    pending: o.pending,
    notSaved: o.responses - o.saved - o.pending,
  }));

  return (
    <div className="space-y-6">
      <p className="text-sm text-muted" data-testid="taxonomy-version">
        Filed with taxonomy version {r.taxonomyVersion}. {plural(total, "answer", "answers", fmt.number)} in range.
      </p>
      {r.noAnswer.responses > 0 && (
        <p className="text-sm text-muted" data-testid="no-answer-count">
          {fmt.number(r.noAnswer.responses)} cancelled without giving a reason
        </p>
      )}
      <Panel
        title={measure === "responses" ? "Answers by category and month" : "MRR lost by category and month"}
        description="By the month the answer was submitted. Click a bar for its accounts."
        actions={
          <>
            <div
              role="radiogroup"
              aria-label="Measure"
              className="flex overflow-hidden rounded-md border border-line text-xs"
            >
              {MEASURES.map((m) => (
                <button
                  key={m}
                  type="button"
                  role="radio"
                  aria-checked={measure === m}
                  onClick={() => setMeasure(m)}
                  className={`px-3 py-1 ${measure === m ? "bg-accent text-accent-ink" : "bg-surface text-ink hover:bg-canvas"}`}
                >
                  {m === "responses" ? "Answers" : "MRR lost"}
                </button>
              ))}
            </div>
            <PngButton filename="holdfast-reasons-by-month.png" />
            <CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "byMonth" })} />
          </>
        }
      >
        <ReasonsByMonthChart
          rows={rows}
          categories={used.map((c) => ({ slug: c.category, name: c.name, color: c.color }))}
          format={measure === "responses" ? (v) => fmt.number(v) : money}
          axisFormat={measure === "responses" ? (v) => fmt.number(v) : axisMoney}
          onSelect={(category, month) => setDrill(`reasons:${category}:${month}`)}
        />
        <ChartTable
          caption={`${measure === "responses" ? "Answers" : "MRR lost"} by category and month`}
          rows={rows}
          rowKey={(row) => String(row.month)}
          columns={[
            { label: "Month", value: (row) => fmt.month(String(row.month), "short") },
            ...used.map((c) => ({
              label: c.name,
              value: (row: Record<string, number | string>) => {
                const v = Number(row[c.category] ?? 0);
                return measure === "responses" ? fmt.number(v) : fmt.money(v, currency);
              },
            })),
          ]}
        />
      </Panel>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <RegrettableSplit categories={r.categories} total={total} money={money} />
        <Panel
          title="Save rate by offer"
          description="Saved = the answer did not end in a cancel and the account is still a customer 30 days later. Answers under 30 days old are pending and left out of the rate."
          actions={
            <>
              <PngButton filename="holdfast-save-rate.png" />
              <CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "byOffer" })} />
            </>
          }
        >
          <SaveRateChart rows={offers} />
          <ChartTable
            caption="Answers by save offer"
            rows={offers}
            rowKey={(o) => o.offer}
            columns={[
              { label: "Offer", value: (o) => o.offer },
              { label: "Saved", value: (o) => fmt.number(o.saved) },
              { label: "Not saved", value: (o) => fmt.number(o.notSaved) },
              { label: "Pending", value: (o) => fmt.number(o.pending) },
            ]}
          />
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {r.byOffer.map((o) => (
              <li key={o.offer}>
                {formatLabel(o.offer)}: <strong className="tabular-nums">{fmt.percent(o.saveRate)}</strong>
                <Explain label={`Save rate, ${formatLabel(o.offer)}`} doc={METRIC_DOC.saveRate}>
                  <p>
                    Saved {o.saved} ÷ (answers {o.responses} − pending {o.pending}) = {fmt.percent(o.saveRate)}.
                  </p>
                </Explain>
              </li>
            ))}
          </ul>
        </Panel>
      </div>

      {cancelFlow}

      <Panel
        title="Categories"
        actions={<CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "categories" })} />}
      >
        <CategoryTable
          categories={used}
          currency={currency}
          onDrill={(category) => setDrill(`reasons:${category}`)}
          onRead={readAnswers}
        />
      </Panel>

      <Panel
        title="Reason codes"
        description="The option the customer picked, as sent (unknown codes are kept)."
        actions={<CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "reasonCodes" })} />}
      >
        <ReasonCodeTable reasonCodes={r.reasonCodes} currency={currency} />
      </Panel>
      <VerbatimsList categories={r.categories} />
      <DrillPanel
        currency={currency}
        categoryNames={Object.fromEntries(r.categories.map((c) => [c.category, c.name]))}
      />
    </div>
  );
}
