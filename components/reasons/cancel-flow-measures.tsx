"use client";
// The cancel flow on the Reasons page (SPEC §7): its sessions by status, the deflection rate, the
// watchlist and each offer experiment's variants — every number opens the accounts behind it, with
// its formula one click away and a CSV for people and machines.
import { useFormat } from "@/components/providers/format-provider";
import { CsvLink } from "@/components/ui/csv-link";
import { Explain } from "@/components/ui/explain";
import { Panel } from "@/components/ui/panel";
import { METRIC_DOC } from "@/lib/docs-links";
import type { MetricsFilters } from "@/lib/filters";
import type { ReasonsWithSessions, VariantMeasure } from "@/lib/metrics/cancel-measures";
import { metricsUrl } from "@/lib/query/metrics";
import { CANCEL_SESSION_STATUSES, type CancelSessionStatus } from "@/lib/values";
import { VariantResults } from "./variant-results";

const STATUS_LABEL: Record<CancelSessionStatus, string> = {
  open: "Open",
  saved: "Saved",
  canceled: "Canceled",
  abandoned: "Abandoned",
  expired: "Expired",
};
const STATUS_HINT: Record<CancelSessionStatus, string> = {
  open: "not ended yet",
  saved: "took an offer",
  canceled: "cancelled",
  abandoned: "opened, never finished",
  expired: "never opened",
};

const figureButton =
  "rounded-md text-left tabular-nums hover:bg-canvas focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent";

export function CancelFlowMeasures({
  report,
  filters,
  currency,
  reasonLabels,
  onDrill,
}: {
  report: ReasonsWithSessions;
  filters: MetricsFilters;
  currency: string;
  /** Reason code → a label, for naming an experiment's slot. */
  reasonLabels: Record<string, string>;
  onDrill: (drill: string) => void;
}) {
  const fmt = useFormat();
  const s = report.sessions;
  const total = CANCEL_SESSION_STATUSES.reduce((sum, status) => sum + s[status], 0);
  const versions = groupByVersion(report.byVariant);
  return (
    <div className="space-y-6">
      <Panel
        title="Cancel flow sessions"
        description="Sessions of the cancel page made in the range (previews left out), by how they stood at its end. Click a number for its accounts."
        actions={<CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "sessions" })} />}
      >
        {total === 0 ? (
          <p className="text-sm text-muted">
            No cancel session in this range. Sessions start when your product sends a cancelling customer to Holdfast
            (POST /api/v1/cancel-sessions).
          </p>
        ) : (
          <div className="space-y-4">
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="Sessions by status">
              {CANCEL_SESSION_STATUSES.map((status) => (
                <li key={status}>
                  <button
                    type="button"
                    className={`${figureButton} w-full px-2 py-1`}
                    onClick={() => onDrill(`sessions:${status}`)}
                    aria-label={`${STATUS_LABEL[status]}: ${fmt.number(s[status])} sessions — show their accounts`}
                    data-testid={`sessions-${status}`}
                  >
                    <span className="block text-xs text-muted">{STATUS_LABEL[status]}</span>
                    <span className="block text-xl font-semibold">{fmt.number(s[status])}</span>
                    <span className="block text-xs text-muted">{STATUS_HINT[status]}</span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="text-sm">
              Deflection rate{" "}
              <strong className="text-lg tabular-nums" data-testid="deflection-rate">
                {fmt.percent(report.deflectionRate)}
              </strong>
              <Explain label="Deflection rate" doc={METRIC_DOC.cancelSessions}>
                <p>Of the sessions that ended either way, the share that stayed.</p>
                <p className="mt-1 tabular-nums">
                  Saved {fmt.number(s.saved)} ÷ (saved {fmt.number(s.saved)} + canceled {fmt.number(s.canceled)}) ={" "}
                  {fmt.percent(report.deflectionRate)}. Open, abandoned and expired sessions chose nothing and are in
                  neither term.
                </p>
              </Explain>
            </div>
          </div>
        )}
        <div className="mt-4 border-t border-line pt-3 text-sm">
          <button
            type="button"
            className={`${figureButton} px-1 font-medium text-accent underline-offset-2 hover:underline`}
            onClick={() => onDrill("watchlist")}
            data-testid="watchlist-open"
          >
            Watchlist: {fmt.number(report.watchlistAccounts)} {report.watchlistAccounts === 1 ? "account" : "accounts"}
          </button>
          <Explain label="The watchlist" doc={METRIC_DOC.watchlist}>
            <p>
              Accounts that opened the cancel page in the 30 days before the report’s date and did not cancel there:
              they went to leave and stayed, for now. Open the list to add them to the at-risk queue.
            </p>
          </Explain>
          <span className="text-muted"> opened the cancel page in the last 30 days and did not cancel.</span>
        </div>
      </Panel>

      <Panel
        title="Offer experiments"
        description="Each experiment's variants side by side: sessions ended saved or canceled, saves that held 30 days, and the save rate with its 95 % interval."
        actions={<CsvLink href={metricsUrl("reasons", filters, { format: "csv", table: "byVariant" })} />}
      >
        {versions.length === 0 ? (
          <p className="text-sm text-muted">
            No experiment had a finished session in this range. Admins start one in Admin → Cancel flow, on any reason’s
            offer.
          </p>
        ) : (
          <div className="space-y-5">
            {versions.map((rows) => (
              <div key={rows[0]?.flowVersionId} className="space-y-2">
                <VariantResults rows={rows} currency={currency} reasonLabels={reasonLabels} />
                <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {rows.map((v) => (
                    <li key={v.variant}>
                      <button
                        type="button"
                        className={`${figureButton} px-1 text-accent underline-offset-2 hover:underline`}
                        onClick={() => onDrill(`variant:${v.flowVersionId}:${v.variant}`)}
                      >
                        Variant {v.variant}’s {fmt.number(v.sessions)} {v.sessions === 1 ? "session" : "sessions"}
                      </button>
                      <Explain label={`Save rate, variant ${v.variant}`} doc={METRIC_DOC.saveRateByVariant}>
                        <p className="tabular-nums">
                          Saved {fmt.number(v.saved)} ÷ (sessions {fmt.number(v.sessions)} − pending{" "}
                          {fmt.number(v.pending)}) = {fmt.percent(v.saveRate)}.
                        </p>
                        {v.low !== null && v.high !== null && (
                          <p className="mt-1">
                            The 95 % Wilson interval, {fmt.percent(v.low)} to {fmt.percent(v.high)}: the rates the
                            sessions so far are consistent with.
                          </p>
                        )}
                      </Explain>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Panel>
    </div>
  );
}

/** The variants of each flow version together, in the report's order. */
function groupByVersion(rows: VariantMeasure[]): VariantMeasure[][] {
  const groups = new Map<string, VariantMeasure[]>();
  for (const v of rows) groups.set(v.flowVersionId, [...(groups.get(v.flowVersionId) ?? []), v]);
  return [...groups.values()];
}
