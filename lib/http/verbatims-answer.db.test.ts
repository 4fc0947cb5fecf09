// GET /api/v1/metrics/reasons/verbatims through its handler: the reasons report's filters (period,
// asOf, segment, plan), a category, words to find (with % and _ as themselves) and pages.
import { describe, expect, it } from "vitest";
import { answerVerbatims } from "./verbatims-answer";
import type { VerbatimsPage } from "@/lib/types/verbatims";
import { verbatimsResponseSchema } from "@/lib/validation/verbatims";
import { fieldErrors, jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import { type FixtureResponse, insertResponses } from "@/test/fixtures";

const t = setupTestDb();

async function call(query: string): Promise<Response> {
  return answerVerbatims(new Request(`http://holdfast.test/api/v1/metrics/reasons/verbatims?${query}`), t.db);
}
async function get(query: string): Promise<VerbatimsPage> {
  const response = await call(query);
  expect(response.status, await response.clone().text()).toBe(200);
  // The answer is what the OpenAPI document says it is.
  return jsonAs(response, verbatimsResponseSchema);
}
const texts = (page: VerbatimsPage) => page.answers.map((a) => a.freeText);
const answer = (accountId: string | undefined, submittedAt: string, freeText: string, reasonCode = "other") =>
  ({ accountId: accountId ?? "", submittedAt, freeText, reasonCode, outcome: "canceled" }) satisfies FixtureResponse;

describe("the verbatims list", () => {
  it("follows the period, asOf, segment and plan of the reasons report", async () => {
    const plan = uniqueId("vplan");
    const [smb] = await makeAccounts(t.db, 1, plan, { plan, segment: "smb" });
    const [mid] = await makeAccounts(t.db, 1, plan, { plan, segment: "mid" });
    const [other] = await makeAccounts(t.db, 1, "elsewhere", { plan: uniqueId("other-plan"), segment: "smb" });
    await insertResponses(t.db, [
      answer(smb, "2024-02-29T23:59:59Z", "february smb"),
      answer(smb, "2024-03-01T00:00:00Z", "march smb"),
      answer(mid, "2024-03-31T23:00:00Z", "march mid"),
      answer(smb, "2024-04-01T00:00:00Z", "april smb"),
      answer(other, "2024-03-10T00:00:00Z", "march another plan"),
    ]);
    const base = `asOf=2024-06-01T00:00:00Z&plan=${plan}`;
    expect(texts(await get(`${base}&from=2024-03&to=2024-03`))).toEqual(["march mid", "march smb"]);
    expect(texts(await get(`${base}&from=2024-03&to=2024-03&segment=smb`))).toEqual(["march smb"]);
    expect(texts(await get(`${base}&from=2024-02&to=2024-04`))).toEqual([
      "april smb",
      "march mid",
      "march smb",
      "february smb",
    ]);
    // Answers at or after asOf are not in it yet.
    const early = await get(`asOf=2024-03-31T23:00:00Z&plan=${plan}&from=2024-03&to=2024-03`);
    expect(texts(early)).toEqual(["march smb"]);
    expect(early.total).toBe(1);
  });

  it("leaves out cancels made before any reason was given (reason code no_answer)", async () => {
    const plan = uniqueId("vnone");
    const [a] = await makeAccounts(t.db, 1, plan, { plan });
    await insertResponses(t.db, [
      answer(a, "2024-03-02T00:00:00Z", "we outgrew it"),
      answer(a, "2024-03-03T00:00:00Z", "", "no_answer"),
    ]);
    // Two answers in March, one of them a cancel with no reason: the list has the other alone.
    const page = await get(`asOf=2024-06-01T00:00:00Z&plan=${plan}&from=2024-03&to=2024-03`);
    expect(texts(page)).toEqual(["we outgrew it"]);
    expect(page.total).toBe(1);
  });

  it("keeps to one category, named by its slug and shown by its name", async () => {
    const plan = uniqueId("vcat");
    const [a] = await makeAccounts(t.db, 1, plan, { plan });
    await insertResponses(t.db, [
      answer(a, "2024-03-02T00:00:00Z", "needed exports", "missing_features"),
      answer(a, "2024-03-03T00:00:00Z", "too dear", "too_expensive"),
      answer(a, "2024-03-04T00:00:00Z", "no reason given"),
    ]);
    const page = await get(`asOf=2024-06-01T00:00:00Z&plan=${plan}&from=2024-03&to=2024-03&category=missing-features`);
    expect(page.total).toBe(1);
    expect(page.answers[0]).toMatchObject({
      category: "missing-features",
      categoryName: "Missing features",
      reasonCode: "missing_features",
      freeText: "needed exports",
      accountExternalId: a,
      outcome: "canceled",
      offerShown: "none",
    });
    const none = await get(`asOf=2024-06-01T00:00:00Z&plan=${plan}&from=2024-03&to=2024-03&category=no-such-category`);
    expect(none).toMatchObject({ total: 0, page: 1, answers: [] });
  });

  it("finds every word of a search, whatever the case, with %, _ and \\ as themselves", async () => {
    const plan = uniqueId("vsearch");
    const [a] = await makeAccounts(t.db, 1, plan, { plan });
    await insertResponses(t.db, [
      answer(a, "2024-03-01T00:00:00Z", "Exports were SLOW for 100% of the_team"),
      answer(a, "2024-03-02T00:00:00Z", "Exports were fine, the price was not"),
      answer(a, "2024-03-03T00:00:00Z", "100 seats, theXteam left"),
      answer(a, "2024-03-04T00:00:00Z", "path C:\\exports failed"),
    ]);
    const find = async (q: string) =>
      texts(await get(`asOf=2024-06-01T00:00:00Z&plan=${plan}&from=2024-03&to=2024-03&q=${encodeURIComponent(q)}`));
    expect(await find("slow exports")).toEqual(["Exports were SLOW for 100% of the_team"]);
    expect(await find("exports were")).toHaveLength(2);
    expect(await find("0%")).toEqual(["Exports were SLOW for 100% of the_team"]);
    expect(await find("%")).toEqual(["Exports were SLOW for 100% of the_team"]);
    expect(await find("e_t")).toEqual(["Exports were SLOW for 100% of the_team"]);
    expect(await find("_")).toEqual(["Exports were SLOW for 100% of the_team"]);
    expect(await find("C:\\exports")).toEqual(["path C:\\exports failed"]);
    expect(await find("nothing like this")).toEqual([]);
  });

  it("pages through 25 at a time, newest first, and shows the last page for a page past it", async () => {
    const plan = uniqueId("vpage");
    const [a] = await makeAccounts(t.db, 1, plan, { plan });
    await insertResponses(
      t.db,
      Array.from({ length: 30 }, (_, i) =>
        answer(a, new Date(Date.UTC(2024, 2, 1, i)).toISOString(), `answer ${String(i + 1).padStart(2, "0")}`),
      ),
    );
    const base = `asOf=2024-06-01T00:00:00Z&plan=${plan}&from=2024-03&to=2024-03`;
    const first = await get(base);
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: 30 });
    expect(first.answers).toHaveLength(25);
    expect(first.answers[0]?.freeText).toBe("answer 30");
    const second = await get(`${base}&page=2`);
    expect(texts(second)).toEqual(["answer 05", "answer 04", "answer 03", "answer 02", "answer 01"]);
    expect(new Set([...first.answers, ...second.answers].map((x) => x.ref)).size).toBe(30);
    expect(await get(`${base}&page=9`)).toMatchObject({ page: 2, total: 30 });
  });

  it("answers 400 naming each bad parameter", async () => {
    const fields = async (query: string) => {
      const response = await call(query);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await jsonAs(response, fieldErrors);
      return body.errors.map((e) => e.field).sort();
    };
    expect(await fields("page=0&category=&q=a%00b&segment=huge")).toEqual(["category", "page", "q", "segment"]);
    expect(await fields("from=2024-05&to=2024-01")).toEqual(["from"]);
    for (const page of ["-1", "1.5", "x", "10001"]) expect((await call(`page=${page}`)).status).toBe(400);
  });
});
