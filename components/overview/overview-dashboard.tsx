"use client";
// The overview: today's customers and MRR, the last complete month's churn figures with their
// change and trend, and the MRR movements chart. Every figure explains itself and drills through.
import { useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { ChartTable } from "@/components/charts/chart-table";
import { MrrMovementsChart } from "@/components/charts/lazy";
import { Sparkline } from "@/components/charts/sparkline";
import { MOVEMENT_SERIES } from "@/components/charts/series";
import { DrillPanel } from "@/components/drill/drill-panel";
import { useDrill, useMetricsFilters } from "@/components/metrics/use-filters";
import { CsvLink } from "@/components/ui/csv-link";
import { PngButton } from "@/components/ui/png-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Explain } from "@/components/ui/explain";
import { METRIC_DOC, type MetricDoc } from "@/lib/docs-links";
import { Panel } from "@/components/ui/panel";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import type { ChurnMonth } from "@/lib/metrics/churn";
import { useFormat } from "@/components/providers/format-provider";
import { plural } from "@/lib/format";
import { churnQuery, metricsUrl, overviewQuery } from "@/lib/query/metrics";

type RateKey = "logoChurnRate" | "grossMrrChurnRate" | "netMrrChurnRate" | "netRevenueRetention" | "quickRatio";
/** The figures of a churn month that a trend can draw: those that are numbers (or null). */
type FigureKey = { [K in keyof ChurnMonth]: ChurnMonth[K] extends number | null ? K : never }[keyof ChurnMonth];

interface Kpi {
  label: string;
  testId: string;
  value: string;
  change: string | null;
  /** Lower is better for churn: the change is coloured accordingly. */
  better: "up" | "down";
  delta: number | null;
  trend: { month: string; value: number | null }[];
  format: (v: number | null) => string;
  explain: React.ReactNode;
  drill?: string;
  href?: string;
}

/** Each figure's section of docs/metrics.md. */
const DOC_ANCHOR: Record<string, MetricDoc> = {
  "overview-customers": METRIC_DOC.customers,
  "overview-mrr": METRIC_DOC.mrr,
  "overview-logo-churn": METRIC_DOC.logoChurnRate,
  "overview-gross-churn": METRIC_DOC.grossMrrChurnRate,
  "overview-net-churn": METRIC_DOC.netMrrChurnRate,
  "overview-nrr": METRIC_DOC.netRevenueRetention,
  "overview-quick-ratio": METRIC_DOC.quickRatio,
};

function pts(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

export function OverviewDashboard({ currency }: { currency: string }) {
  const fmt = useFormat();
  const [filters] = useMetricsFilters();
  const [, setDrill] = useDrill();
  const overview = useQuery(overviewQuery(filters));
  const churn = useQuery(churnQuery(filters));
  const money = (c: number) => fmt.money(c, currency);
  const compact = (c: number) => fmt.money(c, currency, { compact: true });

  if (overview.isError || churn.isError) {
    return <EmptyState title="The figures could not be loaded">{(overview.error ?? churn.error)?.message}</EmptyState>;
  }
  if (!overview.data || !churn.data) return <FiguresSkeleton label="overview figures" />;
  const { lastMonth: last, previousMonth: prev } = overview.data;
  const months = churn.data.months;
  if (!last)
    return (
      <EmptyState title="No complete month yet">
        Figures appear once a month with subscription data has ended.
      </EmptyState>
    );
  const lastLabel = fmt.month(last.month);
  const prevLabel = prev ? fmt.month(prev.month, "short") : "";
  const trendOf = (key: FigureKey) => months.map((m) => ({ month: m.month, value: m[key] }));
  const rateKpi = (
    key: RateKey,
    label: string,
    testId: string,
    explain: React.ReactNode,
    drill: string,
    better: "up" | "down",
    format = fmt.percent,
  ): Kpi => {
    const d = pts(last[key], prev?.[key] ?? null);
    return {
      label,
      testId,
      value: format(last[key]),
      delta: d,
      better,
      change:
        d === null
          ? null
          : key === "quickRatio"
            ? `${fmt.signed(d, 2)} vs ${prevLabel}`
            : `${fmt.signed(d * 100, 1)} pts vs ${prevLabel}`,
      trend: trendOf(key),
      format,
      explain,
      drill: `${drill}:${last.month}`,
    };
  };
  const customersDelta = overview.data.customers - last.customersEnd;
  const mrrDelta = overview.data.mrrCents - last.mrrEndCents;
  const kpis: Kpi[] = [
    {
      label: "Customers",
      testId: "overview-customers",
      value: fmt.number(overview.data.customers),
      delta: customersDelta,
      better: "up",
      change: `${fmt.signed(customersDelta, 0)} since the end of ${fmt.month(last.month, "short")}`,
      trend: trendOf("customersEnd"),
      format: (v) => (v === null ? "–" : fmt.number(v)),
      href: "/accounts?status=active",
      explain: (
        <p>
          Accounts whose last subscription event before now leaves them active (converted, expansion, contraction,
          resumed, reactivated) or paused: <strong>{fmt.number(overview.data.customers)}</strong>. Canceled and trial
          accounts are not customers. The trend shows customers at each month’s end.
        </p>
      ),
    },
    {
      label: "MRR",
      testId: "overview-mrr",
      value: money(overview.data.mrrCents),
      delta: mrrDelta,
      better: "up",
      change: `${mrrDelta >= 0 ? "+" : "−"}${money(Math.abs(mrrDelta))} since the end of ${fmt.month(last.month, "short")}`,
      trend: trendOf("mrrEndCents"),
      format: (v) => (v === null ? "–" : money(v)),
      href: "/accounts?status=active",
      explain: (
        <p>
          Sum of each customer’s MRR after its last event (a paused account at its paused amount) over the{" "}
          {plural(overview.data.customers, "customer", undefined, fmt.number)}:{" "}
          <strong>{money(overview.data.mrrCents)}</strong>.
        </p>
      ),
    },
    rateKpi(
      "logoChurnRate",
      "Logo churn",
      "overview-logo-churn",
      <p>
        Customers at the start of {lastLabel} who were not customers at its end (
        <strong>{fmt.number(last.churned)}</strong>) ÷ customers at the start (
        <strong>{fmt.number(last.customersStart)}</strong>). {plural(last.newAndLost, "account", undefined, fmt.number)}{" "}
        that joined and left within the month {last.newAndLost === 1 ? "is" : "are"} counted apart as new-and-lost.
      </p>,
      "churned",
      "down",
    ),
    rateKpi(
      "grossMrrChurnRate",
      "Gross MRR churn",
      "overview-gross-churn",
      <p>
        (Churned MRR {money(last.churnedCents)} + contraction {money(last.contractionCents)}) ÷ MRR at the start of{" "}
        {lastLabel} {money(last.mrrStartCents)}.
      </p>,
      "churned",
      "down",
    ),
    rateKpi(
      "netMrrChurnRate",
      "Net MRR churn",
      "overview-net-churn",
      <p>
        (Churned {money(last.churnedCents)} + contraction {money(last.contractionCents)} − expansion{" "}
        {money(last.expansionCents)} − reactivation {money(last.reactivationCents)}) ÷ MRR at the start{" "}
        {money(last.mrrStartCents)}. Below zero, growth from existing customers outweighs losses.
      </p>,
      "contraction",
      "down",
    ),
    rateKpi(
      "netRevenueRetention",
      "Net revenue retention",
      "overview-nrr",
      <p>
        Over the {plural(last.customersStart, "customer", undefined, fmt.number)} at the start of {lastLabel} only: (MRR
        at the start {money(last.mrrStartCents)} + expansion {money(last.expansionCents)} − contraction{" "}
        {money(last.contractionCents)} − churned {money(last.churnedCents)}) ÷ {money(last.mrrStartCents)}.
      </p>,
      "customersStart",
      "up",
    ),
    rateKpi(
      "quickRatio",
      "Quick ratio",
      "overview-quick-ratio",
      <p>
        (New {money(last.newCents)} + expansion {money(last.expansionCents)} + reactivation{" "}
        {money(last.reactivationCents)}) ÷ (churned {money(last.churnedCents)} + contraction{" "}
        {money(last.contractionCents)}). Above 1, the month added more MRR than it lost.
      </p>,
      "new",
      "up",
      fmt.ratio,
    ),
  ];

  return (
    <>
      <p className="mb-4 text-sm text-muted">
        Churn figures are for <strong>{lastLabel}</strong>, the last complete month; changes compare it with{" "}
        {prevLabel || "the month before"}.
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {kpis.map((k) => (
          <section key={k.label} className="rounded-xl border border-line bg-surface p-4" aria-label={k.label}>
            <h2 className="flex items-center text-sm font-medium text-muted">
              {k.label}
              <Explain label={k.label} doc={DOC_ANCHOR[k.testId]}>
                {k.explain}
              </Explain>
            </h2>
            {k.drill ? (
              <button
                type="button"
                className="mt-1 text-left text-2xl font-semibold tabular-nums hover:text-accent"
                data-testid={k.testId}
                onClick={() => setDrill(k.drill ?? null)}
                title="List the accounts behind this figure"
              >
                {k.value}
              </button>
            ) : (
              <IntentLink
                href={k.href ?? "#"}
                className="mt-1 block text-2xl font-semibold tabular-nums hover:text-accent"
                data-testid={k.testId}
              >
                {k.value}
              </IntentLink>
            )}
            {k.change && (
              <p
                className={`text-xs ${k.delta === null || k.delta === 0 ? "text-muted" : k.delta > 0 === (k.better === "up") ? "text-good" : "text-bad"}`}
              >
                {k.change}
              </p>
            )}
            <Sparkline data={k.trend} format={k.format} label={k.label} />
          </section>
        ))}
      </div>
      <div className="mt-6">
        <Panel
          title="MRR movements"
          description="Gains above the line (new, expansion, reactivation), losses below (contraction, churn). Click a bar for its accounts."
          actions={
            <>
              <PngButton filename="holdfast-mrr-movements.png" />
              <CsvLink href={metricsUrl("churn", filters, { format: "csv" })} />
            </>
          }
        >
          <MrrMovementsChart
            months={months}
            formatMoney={money}
            formatTick={compact}
            onSelect={(figure, month) => setDrill(`${figure}:${month}`)}
          />
          <ChartTable
            caption="MRR movements by month"
            rows={months}
            rowKey={(m) => m.month}
            columns={[
              { label: "Month", value: (m) => fmt.month(m.month, "short") },
              ...MOVEMENT_SERIES.map((s) => ({ label: s.label, value: (m: ChurnMonth) => money(m[s.key]) })),
              { label: "MRR at end", value: (m) => money(m.mrrEndCents) },
            ]}
          />
        </Panel>
      </div>
      <DrillPanel currency={currency} />
    </>
  );
}
