// Fuzzing the read side through its handlers: every metrics endpoint's query, the drill-through
// query and /api/v1/accounts/{externalId}, with hostile values (NUL, lone surrogates, years 0000
// and 9999, impossible days, 10 kB, repeated keys). A bad value is a 400 naming it, never a 500.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Db } from "@/db/client";
import { answerAccount } from "./account-answer";
import { answerDrill } from "./drill-answer";
import { answerVerbatims } from "./verbatims-answer";
import { answerMetrics } from "./metrics-answer";
import { churnEndpoint, cohortsEndpoint, overviewEndpoint, reasonsEndpoint } from "./metrics-endpoints";
import { fieldErrors, jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { fuzzSurface } from "@/test/fuzz";
import { HOSTILE, dateLike, hostileQueries, hostileText, queryPairs, searchOf } from "@/test/hostile";

const t = setupTestDb();

const READ_KEYS = ["asOf", "from", "to", "segment", "plan", "format", "for", "table"] as const;
const DRILL_KEYS = [...READ_KEYS, "figure", "month", "cohort", "age", "category"] as const;
const VERBATIMS_KEYS = ["asOf", "from", "to", "segment", "plan", "category", "q", "page"] as const;

/** A few accounts with a history and answers under a plan of their own, so the reports have rows. */
async function someHistory(db: Db): Promise<{ plan: string; ids: string[] }> {
  const plan = uniqueId("fz-plan");
  const ids = [uniqueId("fz-read"), uniqueId("fz-read"), uniqueId("fz-read")];
  await insertAccounts(db, [
    { id: ids[0] ?? "", plan, segment: "smb", events: [["2024-01-05T00:00:00Z", "converted", 5000]] },
    {
      id: ids[1] ?? "",
      plan,
      segment: "mid",
      events: [
        ["2024-02-01T00:00:00Z", "converted", 9000],
        ["2024-06-10T00:00:00Z", "canceled"],
      ],
    },
    { id: ids[2] ?? "", plan, events: [["2024-03-01T00:00:00Z", "trial_started"]] },
  ]);
  await insertResponses(db, [
    { accountId: ids[1] ?? "", submittedAt: "2024-06-10T00:00:00Z", reasonCode: "too_expensive", outcome: "canceled" },
  ]);
  return { plan, ids };
}

/** Values a read query takes, valid ones mixed in so the reports run as well as refuse. */
const readValue = (plan: string) =>
  fc.oneof(
    { weight: 6, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom(plan, "smb", "mid", "csv", "json", "people", "byOffer", "reasonCodes") },
    { weight: 1, arbitrary: fc.constantFrom("2024-01", "2024-06", "2024-12-01T00:00:00Z", "churned", "cohort") },
    { weight: 1, arbitrary: dateLike },
  );

// Each endpoint's handler with its own report type, so the list needs no common (cast) endpoint type.
const ENDPOINTS: [string, (request: Request) => Promise<Response>][] = [
  ["overview", (request) => answerMetrics(request, t.db, overviewEndpoint)],
  ["churn", (request) => answerMetrics(request, t.db, churnEndpoint)],
  ["cohorts", (request) => answerMetrics(request, t.db, cohortsEndpoint)],
  ["reasons", (request) => answerMetrics(request, t.db, reasonsEndpoint)],
];

describe.each(ENDPOINTS)("fuzzing GET /api/v1/metrics/%s", (name, answer) => {
  it("answers every generated query below 500, and a bad value with a 400 naming it", async () => {
    const { plan } = await someHistory(t.db);
    await fuzzSurface(
      `GET /api/v1/metrics/${name} query`,
      queryPairs(READ_KEYS, readValue(plan)),
      async (pairs: [string, string][]) => {
        const response = await answer(new Request(`http://holdfast.test/api/v1/metrics/${name}?${searchOf(pairs)}`));
        if (response.status === 400) {
          const body = await jsonAs(response, fieldErrors);
          expect(body.errors.length).toBeGreaterThan(0);
        }
        return response.status;
      },
      {
        examples: [
          ...hostileQueries(READ_KEYS),
          [["asOf", "0000-06-01T00:00:00Z"]],
          [
            ["plan", plan],
            ["plan", "\u0000"],
          ],
        ],
      },
    );
  });
});

describe("fuzzing GET /api/v1/metrics/drill", () => {
  it("answers every generated query below 500", async () => {
    const { plan } = await someHistory(t.db);
    const figures = [
      ["figure", "churned"],
      ["figure", "cohort"],
      ["figure", "reasons"],
      ["figure", "customersEnd"],
    ] as const;
    await fuzzSurface(
      "GET /api/v1/metrics/drill query",
      fc
        .tuple(fc.constantFrom(...figures), queryPairs(DRILL_KEYS, readValue(plan)))
        .map(([figure, rest]): [string, string][] => [[...figure], ...rest]),
      async (pairs) =>
        (await answerDrill(new Request(`http://holdfast.test/api/v1/metrics/drill?${searchOf(pairs)}`), t.db)).status,
      {
        examples: figures.flatMap((f) =>
          hostileQueries(["month", "cohort", "category", "age", "asOf", "plan"]).map((q): [string, string][] => [
            [...f],
            ...q,
          ]),
        ),
      },
    );
  });
});

describe("fuzzing GET /api/v1/metrics/reasons/verbatims", () => {
  it("answers every generated query below 500, and a bad value with a 400 naming it", async () => {
    const { plan } = await someHistory(t.db);
    const value = fc.oneof(
      { weight: 3, arbitrary: readValue(plan) },
      { weight: 1, arbitrary: fc.constantFrom("%", "_", "\\", "100%_off", "price-value", "uncategorized", "1", "2") },
    );
    await fuzzSurface(
      "GET /api/v1/metrics/reasons/verbatims query",
      queryPairs(VERBATIMS_KEYS, value),
      async (pairs: [string, string][]) => {
        const response = await answerVerbatims(
          new Request(`http://holdfast.test/api/v1/metrics/reasons/verbatims?${searchOf(pairs)}`),
          t.db,
        );
        if (response.status === 400) {
          const body = await jsonAs(response, fieldErrors);
          expect(body.errors.length).toBeGreaterThan(0);
        }
        return response.status;
      },
      { examples: hostileQueries(VERBATIMS_KEYS) },
    );
  });
});

describe("fuzzing GET /api/v1/accounts/{externalId}", () => {
  it("answers every generated id below 500 (404 for no such account, 400 for one that cannot be an id)", async () => {
    const { ids } = await someHistory(t.db);
    await fuzzSurface(
      "GET /api/v1/accounts/{externalId} route param",
      fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constantFrom(...ids) }),
      async (externalId) => {
        const response = await answerAccount(t.db, externalId);
        if (ids.includes(externalId)) expect(response.status).toBe(200);
        return response.status;
      },
      { examples: [...HOSTILE, ...ids] },
    );
  });
});

describe("a refused value is named", () => {
  it("asOf in year 0000 and a NUL in plan are a 400 naming each, not a month of 1898", async () => {
    const response = await answerMetrics(
      new Request("http://holdfast.test/api/v1/metrics/churn?asOf=0000-06-01T00:00:00Z&plan=%00"),
      t.db,
      churnEndpoint,
    );
    expect(response.status).toBe(400);
    const body = await jsonAs(response, fieldErrors);
    expect(body.errors.map((e) => e.field)).toEqual(["asOf", "plan"]);
  });

  it("an externalId no account can have is a 400 naming externalId; an unknown one a 404", async () => {
    const bad = await answerAccount(t.db, "a\u0000b");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect((await jsonAs(bad, fieldErrors)).errors[0]?.field).toBe("externalId");
    expect((await answerAccount(t.db, uniqueId("fz-none"))).status).toBe(404);
  });
});
