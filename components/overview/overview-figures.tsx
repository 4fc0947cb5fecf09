import { Cell, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { getDb } from "@/db/client";
import { customersAt, customersBySegmentAt } from "@/db/queries/customers";
import { env } from "@/lib/env";
import { formatMoney, formatNumber, formatSegment } from "@/lib/format";

/** Customers and MRR at an instant, with how each was counted, and the split by segment. */
export async function OverviewFigures({ asOf }: { asOf: Date }) {
  const db = await getDb();
  const [now, bySegment] = await Promise.all([customersAt(db, asOf), customersBySegmentAt(db, asOf)]);
  const currency = env().CURRENCY;
  return (
    <>
      {now.accountsWithHistory === 0 ? (
        <EmptyState title="No subscription data yet">
          Send subscription events to <code>POST /api/v1/subscription-events</code>, or load the demo data with{" "}
          <code>npm run db:seed -- --preset demo</code>.
        </EmptyState>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
            <StatCard
              label="Customers"
              value={formatNumber(now.customers)}
              testId="overview-customers"
              explain={
                <p>
                  Accounts whose last subscription event before now leaves them <em>active</em> (converted, expansion,
                  contraction, resumed, reactivated) or <em>paused</em>. Counted{" "}
                  <strong>{formatNumber(now.customers)}</strong> of the {formatNumber(now.accountsWithHistory)} accounts
                  with a subscription history; canceled and trial accounts are not customers.
                </p>
              }
            />
            <StatCard
              label="MRR"
              value={formatMoney(now.mrrCents, currency)}
              testId="overview-mrr"
              footnote={`${currency}, monthly recurring revenue`}
              explain={
                <p>
                  Sum of the MRR after each customer’s last subscription event (a paused account counts at its paused
                  amount), over the <strong>{formatNumber(now.customers)}</strong> customers:{" "}
                  <strong>{formatMoney(now.mrrCents, currency)}</strong>.
                </p>
              }
            />
            <StatCard
              label="Average MRR per customer"
              value={formatMoney(now.customers === 0 ? 0 : Math.round(now.mrrCents / now.customers), currency)}
              explain={
                <p>
                  MRR {formatMoney(now.mrrCents, currency)} ÷ {formatNumber(now.customers)} customers.
                </p>
              }
            />
          </div>
          <h2 className="mb-3 mt-8 text-lg font-semibold">By segment</h2>
          <DataTable caption="Customers and MRR by segment" head={["Segment", "Customers", "MRR", "Share of MRR"]}>
            {bySegment.map((row) => (
              <tr key={row.segment ?? "none"}>
                <Cell>{formatSegment(row.segment)}</Cell>
                <Cell className="tabular-nums">{formatNumber(row.customers)}</Cell>
                <Cell className="tabular-nums">{formatMoney(row.mrrCents, currency)}</Cell>
                <Cell className="tabular-nums">
                  {now.mrrCents === 0 ? "–" : `${((100 * row.mrrCents) / now.mrrCents).toFixed(1)} %`}
                </Cell>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
