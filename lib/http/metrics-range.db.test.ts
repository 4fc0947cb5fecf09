// The read API's month range: a reversed one (`from` after `to`) and one too long answer 400 naming
// `from` on every metrics report and the drill-through, in JSON and CSV alike (docs/api.md).
import { describe, expect, it } from "vitest";
import { churnResponseSchema } from "@/lib/validation/read-api";
import { jsonAs, problemBody } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts } from "@/test/fixtures";
import { answerDrill } from "./drill-answer";
import { answerMetrics } from "./metrics-answer";
import { churnEndpoint, cohortsEndpoint, overviewEndpoint, reasonsEndpoint } from "./metrics-endpoints";

const t = setupTestDb();

/** Each report's answerer on the test database, by name. */
const REPORTS: [string, (request: Request) => Promise<Response>][] = [
  ["churn", (r) => answerMetrics(r, t.db, churnEndpoint)],
  ["cohorts", (r) => answerMetrics(r, t.db, cohortsEndpoint)],
  ["reasons", (r) => answerMetrics(r, t.db, reasonsEndpoint)],
  ["overview", (r) => answerMetrics(r, t.db, overviewEndpoint)],
];

const url = (name: string, query: string) => `http://holdfast.test/api/v1/metrics/${name}?${query}`;

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return jsonAs(response, problemBody);
}

describe("a reversed month range", () => {
  it.each(REPORTS)("%s answers 400 naming from, in JSON and CSV", async (name, answer) => {
    const plan = uniqueId("range");
    await insertAccounts(t.db, [{ id: `${plan}-a`, plan, events: [["2024-02-10T00:00:00Z", "converted", 5000]] }]);
    for (const extra of ["", "&format=csv"]) {
      const query = `asOf=2024-06-15T00:00:00Z&from=2024-05&to=2024-02&plan=${plan}${extra}`;
      const response = await answer(new Request(url(name, query)));
      expect(response.status, query).toBe(400);
      const body = await problemOf(response);
      expect(body.errors).toEqual([{ field: "from", message: "must not be after to" }]);
      expect(body.detail).toBe("from: must not be after to");
    }
  });

  it("the same months in order answer 200", async () => {
    const plan = uniqueId("range");
    await insertAccounts(t.db, [{ id: `${plan}-a`, plan, events: [["2024-02-10T00:00:00Z", "converted", 5000]] }]);
    const query = `asOf=2024-06-15T00:00:00Z&from=2024-02&to=2024-05&plan=${plan}`;
    const response = await answerMetrics(new Request(url("churn", query)), t.db, churnEndpoint);
    expect(response.status).toBe(200);
    const body = await jsonAs(response, churnResponseSchema);
    expect(body.months.map((m) => m.month)).toEqual(["2024-02", "2024-03", "2024-04", "2024-05"]);
  });

  it("the drill-through answers 400 naming from", async () => {
    const response = await answerDrill(
      new Request(url("drill", "figure=churned&month=2024-03&from=2024-05&to=2024-02")),
      t.db,
    );
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors.map((e) => e.field)).toEqual(["from"]);
  });

  it("a range of more than 120 months answers 400 naming from", async () => {
    const response = await answerMetrics(new Request(url("churn", "from=2000-01&to=2010-02")), t.db, churnEndpoint);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { field: "from", message: "the range may span at most 120 months" },
    ]);
  });
});

describe("a parameter given twice", () => {
  // The first counts, as the pages read their URL: a page's download link and the API agree.
  it("reads its first value, on every report", async () => {
    for (const [name, answer] of REPORTS) {
      const csv = await answer(new Request(url(name, "asOf=2024-06-15T00:00:00Z&format=csv&format=json")));
      expect(csv.headers.get("content-type"), name).toMatch(/^text\/csv/);
      const json = await answer(new Request(url(name, "asOf=2024-06-15T00:00:00Z&segment=smb&segment=nonsense")));
      expect(json.status, name).toBe(200);
      const bad = await answer(new Request(url(name, "asOf=2024-06-15T00:00:00Z&segment=nonsense&segment=smb")));
      expect(
        (await problemOf(bad)).errors.map((e) => e.field),
        name,
      ).toEqual(["segment"]);
    }
  });
});
