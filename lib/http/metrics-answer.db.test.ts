// The read API's churn and cohorts answers end to end: JSON = CSV on the seed puzzle, the default
// range, and a problem+json answer naming each bad parameter.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { Cohort } from "@/lib/metrics/cohorts";
import { churnResponseSchema, cohortsResponseSchema } from "@/lib/validation/read-api";
import { fieldErrors, jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { loadSeedPuzzle } from "@/test/fixtures";
import { type MetricsEndpoint, answerMetrics } from "./metrics-answer";
import { churnEndpoint, cohortsEndpoint } from "./metrics-endpoints";

const t = setupTestDb();

async function call<R>(endpoint: MetricsEndpoint<R>, query: string): Promise<Response> {
  return answerMetrics(new Request(`http://holdfast.test/api/v1/metrics/${endpoint.name}?${query}`), t.db, endpoint);
}
/** The JSON answer, read through the read API's documented shape of it. */
async function get<R, S extends z.ZodType>(endpoint: MetricsEndpoint<R>, shape: S, query: string): Promise<z.infer<S>> {
  const response = await call(endpoint, query);
  expect(response.status).toBe(200);
  return jsonAs(response, shape);
}
const churn = (q: string) => get(churnEndpoint, churnResponseSchema, q).then((r) => r.months);
const cohorts = (q: string) => get(cohortsEndpoint, cohortsResponseSchema, q).then((r): Cohort[] => r.cohorts);

describe("the seed puzzle (SPEC §3: 100 customers, 30 new, 20 lost, 110 at the end)", () => {
  const query = "asOf=2024-04-15T00:00:00Z&from=2024-01&to=2024-03&plan=puzzle";

  // Loaded once for these tests, which only read it; no other test writes plan `puzzle`.
  beforeAll(async () => {
    await loadSeedPuzzle(t.db);
  });

  it("downloads the same numbers as CSV", async () => {
    const json = (await get(churnEndpoint, churnResponseSchema, query)).months;
    const response = await call(churnEndpoint, `${query}&format=csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parse(await response.text(), {
      columns: true,
      cast: (v) => (v === "" ? null : Number.isNaN(Number(v)) ? v : Number(v)),
    });
    expect(rows).toEqual(json);
    const cohortRows = parse(await (await call(cohortsEndpoint, `${query}&format=csv`)).text(), { columns: true });
    const cells = (await cohorts(query)).flatMap((c) => c.cells);
    expect(cohortRows).toHaveLength(cells.length);
  });
});

describe("read API parameters", () => {
  it("defaults to the 24 months up to the last one ended by asOf", async () => {
    const months = await churn("asOf=2024-04-15T10:00:00%2B02:00&plan=none-such");
    expect(months).toHaveLength(24);
    expect(months[0]?.month).toBe("2022-04");
    expect(months[23]?.month).toBe("2024-03");
  });

  it("names each bad parameter in a problem+json answer", async () => {
    const response = await call(churnEndpoint, "asOf=2024-04-15&from=2024-13&segment=huge");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await jsonAs(response, fieldErrors);
    expect(body.errors.map((e) => e.field).sort()).toEqual(["asOf", "from", "segment"]);
  });
});
