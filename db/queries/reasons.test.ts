// Regrettable or not (docs/metrics.md): answers waiting in Uncategorized are not yet filed, so they
// count as neither, whatever flag they carry; Uncategorized's own flag is stored as NULL.
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { cancellationResponses, reasonCategories } from "@/db/schema";
import { answerMetrics } from "@/lib/http/metrics-answer";
import { reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import { type ReasonsReport, regrettableSplit } from "@/lib/metrics/reasons";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import { insertResponses } from "@/test/fixtures";
import { queryRows } from "@/db/rows";
import { SYSTEM_ACTOR } from "./audit";
import { UNCATEGORIZED, updateCategory } from "./taxonomy";

const t = setupTestDb();

async function reasons(query: string): Promise<ReasonsReport> {
  const response = await answerMetrics(
    new Request(`http://holdfast.test/api/v1/metrics/reasons?${query}`),
    t.db,
    reasonsEndpoint,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ReasonsReport;
}

describe("regrettable or not", () => {
  it("counts answers waiting in Uncategorized as neither, even one carrying its own flag", async () => {
    const plan = uniqueId("unfiled");
    // Four customers at $10 who all cancel in March 2024.
    const [waiting, flagged, missing, budget] = await makeAccounts(t.db, 4, plan, {
      plan,
      events: [["2024-01-01T00:00:00Z", "converted", 1000]],
    });
    const answer = (accountId = "", reasonCode: string) => ({
      accountId,
      submittedAt: "2024-03-05T00:00:00Z",
      reasonCode,
      outcome: "canceled" as const,
    });
    await insertResponses(t.db, [
      answer(waiting, "other"),
      answer(flagged, "a_code_nobody_maps"),
      answer(missing, "missing_features"),
      answer(budget, "too_expensive"),
    ]);
    // An answer-level flag set while the answer waits in Uncategorized is not counted.
    await t.db
      .update(cancellationResponses)
      .set({ regrettableOverride: true })
      .where(eq(cancellationResponses.accountId, flagged ?? ""));
    // Filed by hand under Budget cut, not regrettable.
    await t.db
      .update(cancellationResponses)
      .set({ categoryId: "cat_budget_cut" })
      .where(eq(cancellationResponses.accountId, budget ?? ""));

    const report = await reasons(`asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=${plan}`);
    const by = Object.fromEntries(report.categories.map((c) => [c.category, c]));
    expect(by.uncategorized).toMatchObject({
      name: "Uncategorized",
      regrettable: null,
      responses: 2,
      regrettableResponses: 0,
      mrrLostCents: 2000,
    });
    expect(by["missing-features"]).toMatchObject({ regrettable: true, responses: 1, regrettableResponses: 1 });
    expect(by["budget-cut"]).toMatchObject({ regrettable: false, responses: 1, regrettableResponses: 0 });
    // The split the page draws: 1 regrettable, 1 not, 2 not yet filed; MRR lost likewise.
    expect(regrettableSplit(report.categories)).toEqual({
      total: 4,
      regrettable: { responses: 1, mrrLostCents: 1000 },
      notRegrettable: { responses: 1, mrrLostCents: 1000 },
      unfiled: { responses: 2, mrrLostCents: 2000 },
    });
  });

  it("follows an answer's own flag once it is filed, in responses and in MRR lost", async () => {
    const plan = uniqueId("override");
    const [a, b] = await makeAccounts(t.db, 2, plan, { plan, events: [["2024-01-01T00:00:00Z", "converted", 500]] });
    await insertResponses(t.db, [
      { accountId: a ?? "", submittedAt: "2024-03-05T00:00:00Z", reasonCode: "missing_features", outcome: "canceled" },
      { accountId: b ?? "", submittedAt: "2024-03-06T00:00:00Z", reasonCode: "missing_features", outcome: "canceled" },
    ]);
    await t.db
      .update(cancellationResponses)
      .set({ regrettableOverride: false })
      .where(eq(cancellationResponses.accountId, b ?? ""));
    const report = await reasons(`asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=${plan}`);
    expect(regrettableSplit(report.categories)).toEqual({
      total: 2,
      regrettable: { responses: 1, mrrLostCents: 500 },
      notRegrettable: { responses: 1, mrrLostCents: 500 },
      unfiled: { responses: 0, mrrLostCents: 0 },
    });
  });

  it("stores Uncategorized's flag as NULL, keeps it so on an edit, and lets no other category go without one", async () => {
    const stored = () =>
      t.db
        .select({ regrettable: reasonCategories.regrettable })
        .from(reasonCategories)
        .where(eq(reasonCategories.id, UNCATEGORIZED));
    expect(await stored()).toEqual([{ regrettable: null }]);
    await updateCategory(
      t.db,
      UNCATEGORIZED,
      { name: "Uncategorized", description: "Waiting for an admin.", regrettable: true, color: "chart-11" },
      SYSTEM_ACTOR,
    );
    expect(await stored()).toEqual([{ regrettable: null }]);
    await expect(
      t.db.execute(sql`update reason_categories set regrettable = null where id = 'cat_price_value'`),
    ).rejects.toThrow();
    const [price] = await queryRows<{ regrettable: boolean | null }>(
      t.db,
      sql`select regrettable from reason_categories where id = 'cat_price_value'`,
    );
    expect(price?.regrettable).toBe(true);
    expect(
      await t.db
        .select({ id: reasonCategories.id })
        .from(reasonCategories)
        .where(and(eq(reasonCategories.isUncategorized, false), sql`${reasonCategories.regrettable} is null`)),
    ).toEqual([]);
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
