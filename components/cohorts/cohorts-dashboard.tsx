"use client";
// Cohorts: the retention triangle with a logo/revenue switch, and retention curves for chosen
// cohorts beside the average. View and chosen cohorts live in the URL like the filters.
import { useQuery } from "@tanstack/react-query";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { CohortHeatmap, HeatmapLegend } from "@/components/charts/cohort-heatmap";
import { curveRows, curvesCsv } from "@/components/charts/curves";
import { ChartTable } from "@/components/charts/chart-table";
import { RetentionCurvesChart } from "@/components/charts/lazy";
import { DrillPanel } from "@/components/drill/drill-panel";
import { useDrill, useMetricsFilters } from "@/components/metrics/use-filters";
import { parseAsMonthList } from "@/lib/filters";
import { CsvDataLink, CsvLink } from "@/components/ui/csv-link";
import { PngButton } from "@/components/ui/png-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Explain } from "@/components/ui/explain";
import { METRIC_DOC } from "@/lib/docs-links";
import { Panel } from "@/components/ui/panel";
import { FiguresSkeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/components/providers/format-provider";
import { cohortsQuery, metricsUrl } from "@/lib/query/metrics";

const VIEWS = ["logo", "revenue"] as const;

export function CohortsDashboard({ currency }: { currency: string }) {
  const fmt = useFormat();
  const [filters] = useMetricsFilters();
  const [, setDrill] = useDrill();
  const [view, setView] = useQueryState("view", parseAsStringLiteral(VIEWS).withDefault("logo"));
  const [curves, setCurves] = useQueryState("curves", parseAsMonthList);
  const query = useQuery(cohortsQuery(filters));
  const money = (c: number) => fmt.money(c, currency);

  if (query.isError) return <EmptyState title="The cohorts could not be loaded">{query.error.message}</EmptyState>;
  if (!query.data) return <FiguresSkeleton label="cohorts" />;
  const cohorts = query.data.cohorts;
  if (cohorts.length === 0) {
    return (
      <EmptyState title="No cohorts in this range">
        A cohort is the month of an account’s first conversion; widen the dates or clear the filters.
      </EmptyState>
    );
  }
  const withCells = cohorts.filter((c) => c.cells.length > 0);
  const chosen =
    curves ??
    withCells
      .filter((c) => c.cells.length >= 3)
      .slice(-6)
      .map((c) => c.cohort);
  const toggle = (cohort: string) =>
    setCurves(chosen.includes(cohort) ? chosen.filter((c) => c !== cohort) : [...chosen, cohort].sort());

  return (
    <div className="space-y-6">
      <Panel
        title={view === "logo" ? "Logo retention by cohort" : "Revenue retention by cohort"}
        description={
          <>
            Share of each cohort still a customer at the end of each month since conversion
            {view === "revenue" ? ", in MRR against the cohort’s first conversions (it can pass 100 %)" : ""}. Click a
            cell for its accounts.
          </>
        }
        actions={
          <>
            <Explain
              label={view === "logo" ? "Logo retention" : "Revenue retention"}
              doc={view === "logo" ? METRIC_DOC.logoRetention : METRIC_DOC.revenueRetention}
            >
              {view === "logo" ? (
                <p>
                  Cell = customers of the cohort at the end of month cohort + age ÷ accounts whose first conversion fell
                  in the cohort month (its size).
                </p>
              ) : (
                <p>
                  Cell = MRR of the cohort’s accounts at the end of month cohort + age ÷ the sum of their first
                  conversions’ MRR (the base).
                </p>
              )}
            </Explain>
            <div
              role="radiogroup"
              aria-label="Retention measure"
              className="flex overflow-hidden rounded-md border border-line text-xs"
            >
              {VIEWS.map((v) => (
                <button
                  key={v}
                  type="button"
                  role="radio"
                  aria-checked={view === v}
                  onClick={() => setView(v)}
                  className={`px-3 py-1 ${view === v ? "bg-accent text-accent-ink" : "bg-surface text-ink hover:bg-canvas"}`}
                >
                  {v === "logo" ? "Logos" : "Revenue"}
                </button>
              ))}
            </div>
            <CsvLink href={metricsUrl("cohorts", filters, { format: "csv" })} />
          </>
        }
      >
        <CohortHeatmap
          cohorts={cohorts}
          view={view}
          formatMoney={money}
          onSelect={(c, age) => setDrill(`cohort:${c}:${age}`)}
        />
        <div className="mt-3">
          <HeatmapLegend />
        </div>
      </Panel>
      <Panel
        title="Retention curves"
        description="Chosen cohorts against the size-weighted average of all cohorts in range."
        actions={
          <>
            <PngButton filename={`holdfast-retention-curves-${view}.png`} />
            <CsvDataLink
              filename={`holdfast-retention-curves-${view}.csv`}
              csv={() => curvesCsv(withCells, chosen, view)}
            />
          </>
        }
      >
        <RetentionCurvesChart cohorts={withCells} chosen={chosen} view={view} />
        <ChartTable
          caption={`${view === "logo" ? "Logo" : "Revenue"} retention by months since conversion`}
          rows={curveRows(withCells, chosen, view)}
          rowKey={(row) => String(row.age)}
          columns={[
            { label: "Month", value: (row) => row.age },
            ...chosen.map((c) => ({
              label: c,
              value: (row: Record<string, number | null>) => fmt.percent(row[c] ?? null),
            })),
            { label: "Average", value: (row) => fmt.percent(row.average ?? null) },
          ]}
        />
        <fieldset className="mt-3">
          <legend className="text-xs text-muted">Cohorts drawn</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {withCells.map((c) => (
              <label key={c.cohort} className="flex items-center gap-1 rounded border border-line px-2 py-0.5 text-xs">
                <input type="checkbox" checked={chosen.includes(c.cohort)} onChange={() => toggle(c.cohort)} />
                {c.cohort}
              </label>
            ))}
          </div>
        </fieldset>
      </Panel>
      <DrillPanel currency={currency} />
    </div>
  );
}
