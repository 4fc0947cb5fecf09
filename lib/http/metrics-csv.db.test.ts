// The CSV downloads: `format=csv` raw (cents and fractions, as the JSON), and `format=csv&for=people`
// (what a chart's download button gives): money in currency units with the currency code in the
// header, rates as percentages, no locale separators. Every endpoint, on a hand-computed history.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type MetricsEndpoint, answerMetrics } from "./metrics-answer";
import { churnEndpoint, cohortsEndpoint, overviewEndpoint, reasonsEndpoint } from "./metrics-endpoints";
import { reasonsResponseSchema } from "@/lib/validation/read-api";
import { fieldErrors, jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { insertFlow, insertSessionRows, testFlowContent } from "@/test/cancel-flow-fixture";

const t = setupTestDb();

async function call<R>(endpoint: MetricsEndpoint<R>, query: string): Promise<Response> {
  return answerMetrics(new Request(`http://holdfast.test/api/v1/metrics/${endpoint.name}?${query}`), t.db, endpoint);
}
/** A CSV download as csv-parse reads it: rows of text cells. */
const csvTable = z.array(z.array(z.string()));

async function csvRows<R>(endpoint: MetricsEndpoint<R>, query: string): Promise<string[][]> {
  const response = await call(endpoint, query);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/csv");
  return csvTable.parse(parse(await response.text()));
}

/**
 * A (plan of its own): converts 10 Jan 2024 at $100.00 and expands to $123.45 on 10 Feb;
 * B: converts 15 Jan at $33.33 and cancels 20 Feb; C: converts 20 Jan at $50.00.
 */
async function history(): Promise<{ plan: string; query: string }> {
  const plan = uniqueId("csv");
  await insertAccounts(t.db, [
    {
      id: `${plan}-a`,
      plan,
      events: [
        ["2024-01-10T00:00:00Z", "converted", 10000],
        ["2024-02-10T00:00:00Z", "expansion", 12345],
      ],
    },
    {
      id: `${plan}-b`,
      plan,
      events: [
        ["2024-01-15T00:00:00Z", "converted", 3333],
        ["2024-02-20T00:00:00Z", "canceled"],
      ],
    },
    { id: `${plan}-c`, plan, events: [["2024-01-20T00:00:00Z", "converted", 5000]] },
  ]);
  return { plan, query: `asOf=2024-03-15T00:00:00Z&from=2024-01&to=2024-02&plan=${plan}` };
}

const CHURN_HEADER = [
  "Month",
  "Customers at start",
  "Customers at end",
  "New customers",
  "Reactivated customers",
  "Churned customers",
  "New and lost",
  "Logo churn rate (%)",
  "MRR at start (USD)",
  "MRR at end (USD)",
  "New MRR (USD)",
  "Expansion MRR (USD)",
  "Contraction MRR (USD)",
  "Churned MRR (USD)",
  "Reactivation MRR (USD)",
  "Gross MRR churn rate (%)",
  "Net MRR churn rate (%)",
  "Net revenue retention (%)",
  "Quick ratio",
];
// January: nobody at the start, A, B and C new: 3 customers, $100.00 + $33.33 + $50.00 = $183.33.
// Every rate divides by the start (0 customers, $0): empty.
const JANUARY = [
  "2024-01",
  "0",
  "3",
  "3",
  "0",
  "0",
  "0",
  "",
  "0.00",
  "183.33",
  "183.33",
  "0.00",
  "0.00",
  "0.00",
  "0.00",
  "",
  "",
  "",
  "",
];
// February: 3 at the start ($183.33); B churns ($33.33), A expands by $23.45; 2 at the end, $123.45 + $50.00 = $173.45.
// Logo churn 1 ÷ 3 = 33.33 %; gross MRR churn 33.33 ÷ 183.33 = 18.18 %; net (33.33 − 23.45) ÷ 183.33 = 9.88 ÷ 183.33
// = 5.39 %; NRR (183.33 + 23.45 − 33.33) ÷ 183.33 = 173.45 ÷ 183.33 = 94.61 %; quick ratio 23.45 ÷ 33.33 = 0.70.
const FEBRUARY = [
  "2024-02",
  "3",
  "2",
  "0",
  "0",
  "1",
  "0",
  "33.33",
  "183.33",
  "173.45",
  "0.00",
  "23.45",
  "0.00",
  "33.33",
  "0.00",
  "18.18",
  "5.39",
  "94.61",
  "0.70",
];

describe("CSV for people", () => {
  it("writes churn in dollars and percentages, with the currency in the header and no separators", async () => {
    const { query } = await history();
    expect(await csvRows(churnEndpoint, `${query}&format=csv&for=people`)).toEqual([CHURN_HEADER, JANUARY, FEBRUARY]);
  });

  it("writes the overview's two months as churn rows", async () => {
    const { plan } = await history();
    const rows = await csvRows(overviewEndpoint, `asOf=2024-03-15T00:00:00Z&plan=${plan}&format=csv&for=people`);
    expect(rows).toEqual([CHURN_HEADER, JANUARY, FEBRUARY]);
  });

  it("writes cohort cells with retention as percentages", async () => {
    const { query } = await history();
    expect(await csvRows(cohortsEndpoint, `${query}&format=csv&for=people`)).toEqual([
      [
        "Cohort",
        "Size",
        "Base MRR (USD)",
        "Months since conversion",
        "Customers",
        "MRR (USD)",
        "Logo retention (%)",
        "Revenue retention (%)",
      ],
      // January's cohort is A, B and C: base $183.33. At its own month's end all 3 remain (100 %);
      // a month later 2 of 3 (66.67 %) with $173.45 ÷ $183.33 = 94.61 % of the base.
      ["2024-01", "3", "183.33", "0", "3", "183.33", "100.00", "100.00"],
      ["2024-01", "3", "183.33", "1", "2", "173.45", "66.67", "94.61"],
    ]);
  });

  it("writes the reasons tables with MRR lost in dollars and save rates in percent", async () => {
    const { plan, query } = await history();
    await insertResponses(t.db, [
      // B cancels on 20 Feb at its $33.33: MRR lost $33.33.
      {
        accountId: `${plan}-b`,
        submittedAt: "2024-02-20T00:00:00Z",
        reasonCode: "too_expensive",
        offerShown: "discount",
        outcome: "canceled",
      },
      // C takes the discount on 1 Feb and is still a customer 30 days later: saved. Discount: 1 of 2 saved, 50 %.
      {
        accountId: `${plan}-c`,
        submittedAt: "2024-02-01T00:00:00Z",
        reasonCode: "too_expensive",
        offerShown: "discount",
        offerAccepted: true,
        outcome: "saved",
      },
    ]);
    const offers = await csvRows(reasonsEndpoint, `${query}&format=csv&for=people&table=byOffer`);
    expect(offers[0]).toEqual(["Offer", "Answers", "Saved", "Pending", "Save rate (%)"]);
    expect(offers.find((r) => r[0] === "discount")).toEqual(["discount", "2", "1", "0", "50.00"]);
    const codes = await csvRows(reasonsEndpoint, `${query}&format=csv&for=people&table=reasonCodes`);
    expect(codes).toEqual([
      ["Reason code", "Answers", "Canceled", "MRR lost (USD)"],
      ["too_expensive", "2", "1", "33.33"],
    ]);
    const categories = await csvRows(reasonsEndpoint, `${query}&format=csv&for=people`);
    // People read the category's name, not its slug.
    expect(categories[0]).toEqual([
      "Category",
      "Regrettable",
      "Answers",
      "Canceled",
      "MRR lost (USD)",
      "Regrettable answers",
      "Regrettable MRR lost (USD)",
      "Saved",
      "Pending",
    ]);
    expect(categories.find((r) => r[0] === "Price & value")).toEqual([
      "Price & value",
      "yes",
      "2",
      "1",
      "33.33",
      "2",
      "33.33",
      "1",
      "0",
    ]);
    const months = await csvRows(reasonsEndpoint, `${query}&format=csv&for=people&table=byMonth`);
    expect(months).toEqual([
      ["Month", "Category", "Answers", "Canceled", "MRR lost (USD)"],
      ["2024-02", "Price & value", "2", "1", "33.33"],
    ]);
  });

  it("writes thousands without a separator and keeps the raw CSV raw", async () => {
    const plan = uniqueId("csv-big");
    // $12,345.67 from January: 1234567 cents, written 12345.67 for people and 1234567 raw.
    await insertAccounts(t.db, [{ id: `${plan}-a`, plan, events: [["2024-01-10T00:00:00Z", "converted", 1234567]] }]);
    const query = `asOf=2024-03-15T00:00:00Z&from=2024-01&to=2024-01&plan=${plan}&format=csv`;
    const people = await csvRows(churnEndpoint, `${query}&for=people`);
    expect(people[1]?.[9]).toBe("12345.67");
    const raw = await csvRows(churnEndpoint, query);
    expect(raw[0]?.[9]).toBe("mrrEndCents");
    expect(raw[1]?.[9]).toBe("1234567");
  });

  it("answers 400 naming `for` for a reader it does not know, or without format=csv", async () => {
    for (const query of ["format=csv&for=machines", "format=csv&for=", "for=people"]) {
      const response = await call(churnEndpoint, query);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = await jsonAs(response, fieldErrors);
      expect(body.errors.map((e) => e.field)).toEqual(["for"]);
    }
  });
});

describe("the reasons CSV for people", () => {
  it("names each category by its name, never its slug; the raw CSV keeps the slug", async () => {
    const plan = uniqueId("csv-names");
    const [a] = await makeAccounts(t.db, 1, plan, { plan, events: [["2024-01-01T00:00:00Z", "converted", 1000]] });
    await insertResponses(t.db, [
      { accountId: a ?? "", submittedAt: "2024-03-05T00:00:00Z", reasonCode: "switched_service", outcome: "canceled" },
    ]);
    const csv = async (extra: string) => {
      const response = await answerMetrics(
        new Request(
          `http://holdfast.test/api/v1/metrics/reasons?asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=${plan}&format=csv${extra}`,
        ),
        t.db,
        reasonsEndpoint,
      );
      expect(response.status).toBe(200);
      return (await response.text()).trim().split("\n");
    };
    const months = await csv("&for=people&table=byMonth");
    expect(months).toEqual([
      "Month,Category,Answers,Canceled,MRR lost (USD)",
      "2024-03,Switched to a competitor,1,1,10.00",
    ]);
    const categories = await csv("&for=people&table=categories");
    expect(categories.join("\n")).not.toContain("switched-competitor");
    expect(categories[0]?.startsWith("Category,Regrettable,")).toBe(true);
    expect(categories.find((line) => line.startsWith("Switched to a competitor,"))).toBeDefined();
    expect(categories.find((line) => line.startsWith("Uncategorized,"))?.split(",")[1]).toBe("");
    const raw = await csv("&table=byMonth");
    expect(raw).toEqual(["month,category,responses,canceled,mrrLostCents", "2024-03,switched-competitor,1,1,1000"]);
  });
});

describe("the cancel flow's CSV tables", () => {
  it("give the sessions by status with the deflection rate, and each variant with its interval, raw and for people", async () => {
    const plan = uniqueId("csv-cf");
    const [a1, a2, a3] = [`${plan}-1`, `${plan}-2`, `${plan}-3`];
    await insertAccounts(t.db, [
      // a1 and a3 pause the day they are saved, so their saves hold; a2 cancels.
      {
        id: a1,
        plan,
        events: [
          ["2024-01-01T00:00:00Z", "converted", 10_000],
          ["2024-02-01T00:10:00Z", "paused", 0],
        ],
      },
      { id: a2, plan, events: [["2024-01-01T00:00:00Z", "converted", 10_000]] },
      {
        id: a3,
        plan,
        events: [
          ["2024-01-01T00:00:00Z", "converted", 10_000],
          ["2024-02-03T00:10:00Z", "paused", 0],
        ],
      },
    ]);
    const offerB = { kind: "discount" as const, percent: 50, months: 1 };
    const { versionIds } = await insertFlow(t.db, {
      name: "Csv flow",
      content: testFlowContent({ experiment: { reasonCode: "too_expensive", offerB, shareB: 0.5 } }),
    });
    const row = (accountId: string, variant: string, status: "saved" | "canceled", day: string) => ({
      accountId,
      variant,
      reasonCode: "too_expensive",
      status,
      created: `2024-02-${day}T00:00:00Z`,
      ended: `2024-02-${day}T00:05:00Z`,
    });
    await insertSessionRows(
      t.db,
      [row(a1, "A", "saved", "01"), row(a2, "B", "canceled", "02"), row(a3, "B", "saved", "03")],
      versionIds[0],
    );
    const query = `asOf=2024-06-01T00:00:00Z&from=2024-01&to=2024-03&plan=${plan}`;
    // The JSON answer is what the OpenAPI document describes.
    const json = reasonsResponseSchema.parse(await (await call(reasonsEndpoint, query)).json());
    expect(json.byVariant.map((v) => [v.variant, v.sessions, v.saved])).toEqual([
      ["A", 1, 1],
      ["B", 2, 1],
    ]);
    // Saved 2, canceled 1: deflection 2 ÷ 3. Nobody opened the page in the 30 days before 1 Jun.
    expect(await csvRows(reasonsEndpoint, `${query}&format=csv&for=people&table=sessions`)).toEqual([
      ["Open", "Saved", "Canceled", "Abandoned", "Expired", "Deflection rate (%)", "Watchlist accounts"],
      ["0", "2", "1", "0", "0", "66.67", "0"],
    ]);
    // A: 1 of 1 → Wilson [0.206549, 1]; B: 1 of 2 → [0.094531, 0.905469].
    const people = await csvRows(reasonsEndpoint, `${query}&format=csv&for=people&table=byVariant`);
    expect(people).toEqual([
      [
        "Flow",
        "Version",
        "Reason code",
        "Variant",
        "Offer",
        "Offer months",
        "Offer percent off",
        "Offer plan",
        "Offer price (USD)",
        "Sessions",
        "Saved",
        "Pending",
        "Save rate (%)",
        "95 % interval low (%)",
        "95 % interval high (%)",
      ],
      [
        "Csv flow v1",
        "1",
        "too_expensive",
        "A",
        "discount",
        "3",
        "25",
        "",
        "",
        "1",
        "1",
        "0",
        "100.00",
        "20.65",
        "100.00",
      ],
      [
        "Csv flow v1",
        "1",
        "too_expensive",
        "B",
        "discount",
        "1",
        "50",
        "",
        "",
        "2",
        "1",
        "0",
        "50.00",
        "9.45",
        "90.55",
      ],
    ]);
    // Each table downloads under its own name.
    const download = await call(reasonsEndpoint, `${query}&format=csv&table=byVariant`);
    expect(download.headers.get("content-disposition")).toBe(
      'attachment; filename="holdfast-reasons-byVariant-2024-01-2024-03.csv"',
    );
    const raw = await csvRows(reasonsEndpoint, `${query}&format=csv&table=byVariant`);
    expect(raw[0]?.slice(0, 4)).toEqual(["flowId", "flowName", "flowVersionId", "flowVersion"]);
    expect(raw[2]?.slice(2, 4)).toEqual([versionIds[0], "1"]);
  });
});
