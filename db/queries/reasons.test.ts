// Regrettable or not (docs/metrics.md), in the reasons report: answers waiting in Uncategorized are not yet filed, so they
// count as neither, whatever flag they carry; Uncategorized's own flag is stored as NULL.
import { describe, expect, it } from "vitest";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { cancellationResponses, reasonCategories } from "@/db/schema";
import { regrettableSplit } from "@/lib/metrics/reasons";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import { insertResponses } from "@/test/fixtures";
import { scopeOf } from "@/test/metrics-scope";
import { SYSTEM_ACTOR } from "./audit";
import { reasonsReportFor } from "./reasons-report";
import { UNCATEGORIZED, archiveCategory, createCategory, updateCategory } from "./taxonomy";
import { listAnswers, reasonCodesIn } from "./workbench";
import { previewRule } from "./workbench-rules";

const t = setupTestDb();

const reasons = (query: string) => reasonsReportFor(t.db, scopeOf(query));

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
    const pricePredicate = eq(reasonCategories.id, "cat_price_value");
    await expect(t.db.update(reasonCategories).set({ regrettable: null }).where(pricePredicate)).rejects.toThrow();
    const [price] = await t.db
      .select({ regrettable: reasonCategories.regrettable })
      .from(reasonCategories)
      .where(pricePredicate);
    expect(price?.regrettable).toBe(true);
    expect(
      await t.db
        .select({ id: reasonCategories.id })
        .from(reasonCategories)
        .where(and(eq(reasonCategories.isUncategorized, false), isNull(reasonCategories.regrettable))),
    ).toEqual([]);
  });
});

describe("an archived category", () => {
  it("keeps its past answers in the report while the period holds them, so the tables add up", async () => {
    const plan = uniqueId("archived");
    // Three customers at $10 who cancel in March 2024; two answers are filed under a category that is
    // then archived, the third stays with its default (Budget cut).
    const [first, second, third] = await makeAccounts(t.db, 3, plan, {
      plan,
      events: [["2024-01-01T00:00:00Z", "converted", 1000]],
    });
    const answer = (accountId = "") => ({
      accountId,
      submittedAt: "2024-03-05T00:00:00Z",
      reasonCode: "too_expensive",
      outcome: "canceled" as const,
    });
    await insertResponses(t.db, [answer(first), answer(second), answer(third)]);
    const name = uniqueId("Old pricing");
    const { id } = await createCategory(
      t.db,
      { name, description: "", regrettable: false, color: "chart-3" },
      SYSTEM_ACTOR,
    );
    await t.db
      .update(cancellationResponses)
      .set({ categoryId: id })
      .where(inArray(cancellationResponses.accountId, [first ?? "", second ?? ""]));
    await archiveCategory(t.db, id, SYSTEM_ACTOR);

    const march = await reasons(`asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=${plan}`);
    const archived = march.categories.find((c) => c.name === name);
    // 2 answers, 2 cancels, $20 of MRR lost: as before the archive.
    expect(archived).toMatchObject({ responses: 2, canceled: 2, mrrLostCents: 2000 });
    const sum = (rows: { responses: number }[]) => rows.reduce((n, r) => n + r.responses, 0);
    // Categories, reason codes and months each count the 3 answers.
    expect(sum(march.categories)).toBe(3);
    expect(sum(march.reasonCodes)).toBe(3);
    expect(sum(march.byMonth)).toBe(3);
    expect(march.byMonth.map((m) => m.category)).toContain(archived?.category);

    // A period without its answers does not list it; a live category with none is still listed.
    const april = await reasons(`asOf=2024-05-10T00:00:00Z&from=2024-04&to=2024-04&plan=${plan}`);
    expect(april.categories.find((c) => c.name === name)).toBeUndefined();
    expect(april.categories.map((c) => c.category)).toContain("budget-cut");
  });
});

describe("no answer given", () => {
  it("counts cancels pressed before any reason apart: in no category, code, offer or month, nor in the workbench", async () => {
    const plan = uniqueId("noanswer");
    // Customers at $10, $10, $10 and $25 who all cancel in March 2024.
    const [priced, silent, waiting] = await makeAccounts(t.db, 3, plan, {
      plan,
      events: [["2024-01-01T00:00:00Z", "converted", 1000]],
    });
    const [bigSilent] = await makeAccounts(t.db, 1, plan, {
      plan,
      events: [["2024-01-01T00:00:00Z", "converted", 2500]],
    });
    const answer = (accountId = "", submittedAt: string, reasonCode: string) => ({
      accountId,
      submittedAt,
      reasonCode,
      outcome: "canceled" as const,
    });
    await insertResponses(t.db, [
      answer(priced, "2024-03-05T00:00:00Z", "too_expensive"),
      answer(silent, "2024-03-05T00:00:00Z", "no_answer"),
      answer(bigSilent, "2024-03-06T00:00:00Z", "no_answer"),
      answer(waiting, "2024-03-07T00:00:00Z", "other"),
    ]);

    const report = await reasons(`asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=${plan}`);
    // Two answers without a reason, losing $10 + $25 = 3,500 cents of MRR.
    expect(report.noAnswer).toEqual({ responses: 2, mrrLostCents: 3500 });
    const by = Object.fromEntries(report.categories.map((c) => [c.category, c]));
    // Uncategorized holds only the "other" answer: one not yet filed, $10 lost.
    expect(by.uncategorized).toMatchObject({ responses: 1, mrrLostCents: 1000 });
    expect(by["price-value"]).toMatchObject({ responses: 1, mrrLostCents: 1000 });
    expect(regrettableSplit(report.categories)).toEqual({
      total: 2,
      regrettable: { responses: 1, mrrLostCents: 1000 },
      notRegrettable: { responses: 0, mrrLostCents: 0 },
      unfiled: { responses: 1, mrrLostCents: 1000 },
    });
    expect(report.reasonCodes.map((c) => c.reasonCode).sort()).toEqual(["other", "too_expensive"]);
    expect(report.byOffer).toEqual([{ offer: "none", responses: 2, saved: 0, pending: 0, saveRate: 0 }]);
    expect(report.byMonth.reduce((n, m) => n + m.responses, 0)).toBe(2);

    // The workbench lists and files only answers that gave a reason.
    const queue = (q = "") => listAnswers(t.db, { category: UNCATEGORIZED, q, code: undefined, page: 1 });
    expect((await queue(silent)).total).toBe(0);
    expect((await queue(bigSilent)).total).toBe(0);
    expect((await queue(waiting)).total).toBe(1);
    expect((await reasonCodesIn(t.db, UNCATEGORIZED)).map((c) => c.code)).not.toContain("no_answer");
    const everything = await previewRule(t.db, { pattern: "^", matchKind: "regex", reasonCode: "no_answer" });
    expect(everything.count).toBe(0);
  });
});
