// The taxonomy's history, the workbench's rules and the user guards, on a real database.
//
// Fixture: five answers of one canceled account, filed by their reason codes' defaults —
//   a1 too_expensive  "Way too expensive for a team our size"      → Price & value
//   a2 too_expensive  "The price went up again"                     → Price & value
//   b1 missing_features "No Salesforce sync"                        → Missing features
//   u1 other          "We moved everything to Notion"               → Uncategorized
//   u2 other          "notion does this for free"                   → Uncategorized
//   u3 other          "Our budget was cut"                          → Uncategorized
import { beforeEach, describe, expect, it } from "vitest";
import { asc, count, eq } from "drizzle-orm";
import { cancellationResponses, reasonCodeDefaults, users } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { SYSTEM_ACTOR } from "./audit";
import { allChecked, ingestBatch } from "./ingest";
import { archiveCategory, mergeCategories, splitCategory } from "./taxonomy";
import { TaxonomyError } from "./taxonomy-error";
import { currentTaxonomyVersion } from "./taxonomy-filing";
import { LastAdminError } from "./user-errors";
import { loadSession, setUserActive, setUserRole } from "./users";
import { answerHistory, listAnswers } from "./workbench";
import { answerRef, fileAnswers } from "./workbench-filing";
import { applyRule, createRule, previewRule } from "./workbench-rules";

// The taxonomy, its version and the last-admin rule belong to the whole installation, and most tests
// change them: each test has a database of its own, with the fixture above.
const t = setupTestDbPerTest();
const admin = { type: "user" as const, id: "usr_admin", label: "admin@test" };

async function refsIn(category: string) {
  return t.db
    .select({ ref: answerRef, text: cancellationResponses.freeText })
    .from(cancellationResponses)
    .where(eq(cancellationResponses.categoryId, category))
    .orderBy(asc(cancellationResponses.seq));
}
const countAll = async () => (await t.db.select({ n: count() }).from(cancellationResponses))[0]?.n;

beforeEach(async () => {
  await t.db.insert(users).values([
    { id: "usr_admin", email: "admin@test", name: "Ada", role: "admin", passwordHash: "x" },
    { id: "usr_mgr", email: "mgr@test", name: "Max", role: "manager", passwordHash: "x" },
  ]);
  await insertAccounts(t.db, [
    {
      id: "acc",
      events: [
        ["2025-01-01T00:00:00Z", "converted", 5000],
        ["2026-03-02T00:00:00Z", "canceled"],
      ],
    },
  ]);
  const at = (d: number) => `2026-03-0${d}T10:00:00Z`;
  await insertResponses(t.db, [
    {
      accountId: "acc",
      submittedAt: at(1),
      reasonCode: "too_expensive",
      outcome: "canceled",
      freeText: "Way too expensive for a team our size",
    },
    {
      accountId: "acc",
      submittedAt: at(2),
      reasonCode: "too_expensive",
      outcome: "canceled",
      freeText: "The price went up again",
    },
    {
      accountId: "acc",
      submittedAt: at(3),
      reasonCode: "missing_features",
      outcome: "canceled",
      freeText: "No Salesforce sync",
    },
    {
      accountId: "acc",
      submittedAt: at(4),
      reasonCode: "other",
      outcome: "canceled",
      freeText: "We moved everything to Notion",
    },
    {
      accountId: "acc",
      submittedAt: at(5),
      reasonCode: "other",
      outcome: "canceled",
      freeText: "notion does this for free",
    },
    { accountId: "acc", submittedAt: at(6), reasonCode: "other", outcome: "canceled", freeText: "Our budget was cut" },
  ]);
});

describe("rules", () => {
  it("previews exactly what applying the rule files", async () => {
    const match = { pattern: "notion", matchKind: "keyword" as const, reasonCode: "other" };
    const preview = await previewRule(t.db, match);
    expect(preview.count).toBe(2); // u1 and u2, case-insensitive
    expect(preview.sample.map((s) => s.freeText).sort()).toEqual([
      "We moved everything to Notion",
      "notion does this for free",
    ]);
    const { id } = await createRule(t.db, match, "cat_competitor", admin);
    const page = await listAnswers(t.db, { category: "cat_uncategorized", page: 1 });
    expect(page.rows.filter((r) => r.suggestion?.categoryId === "cat_competitor")).toHaveLength(2);
    expect((await applyRule(t.db, id, admin)).filed).toBe(preview.count);
    expect((await refsIn("cat_uncategorized")).map((r) => r.text)).toEqual(["Our budget was cut"]);
    expect((await previewRule(t.db, match)).count).toBe(0);
  });

  it("names a regular expression PostgreSQL cannot compile", async () => {
    await expect(
      previewRule(t.db, { pattern: "(unclosed", matchKind: "regex", reasonCode: null }),
    ).rejects.toMatchObject({ field: "pattern", problem: { code: "bad-pattern" } });
    expect(
      (await previewRule(t.db, { pattern: "^our (budget|spend)", matchKind: "regex", reasonCode: null })).count,
    ).toBe(1);
  });
});

describe("taxonomy changes", () => {
  it("merging keeps every answer, re-files both categories' answers, and keeps their histories", async () => {
    const before = await countAll();
    const version = await currentTaxonomyVersion(t.db);
    // b1 goes to Price & value by hand first, so it has a history before the merge.
    const [b1] = await refsIn("cat_missing_features");
    if (!b1) throw new Error("fixture: no b1");
    await fileAnswers(t.db, [b1.ref], "cat_price_value", admin);
    const { version: merged, moved } = await mergeCategories(t.db, "cat_price_value", "cat_budget_cut", admin);
    expect(moved).toBe(3); // a1, a2, b1
    expect(merged).toBe(version + 1);
    expect(await countAll()).toBe(before);
    expect((await refsIn("cat_budget_cut")).map((r) => r.text).sort()).toEqual([
      "No Salesforce sync",
      "The price went up again",
      "Way too expensive for a team our size",
    ]);
    expect(await refsIn("cat_price_value")).toEqual([]);
    const history = await answerHistory(t.db, b1.ref);
    expect(history.map((h) => [h.from, h.to, h.cause, h.version, h.by])).toEqual([
      ["Missing features", "Price & value", "file", version, "admin@test"],
      ["Price & value", "Budget cut", "merge", version + 1, "admin@test"],
    ]);
    expect(history.every((h) => new Date(h.at).toISOString() === h.at)).toBe(true);
    const [a1] = await refsIn("cat_budget_cut");
    expect((await answerHistory(t.db, a1?.ref ?? "")).map((h) => h.cause)).toEqual(["merge"]);
    // New answers with the merged category's reason codes now arrive in the target.
    const [def] = await t.db
      .select()
      .from(reasonCodeDefaults)
      .where(eq(reasonCodeDefaults.reasonCode, "too_expensive"));
    expect(def?.categoryId).toBe("cat_budget_cut");
    await expect(fileAnswers(t.db, [a1?.ref ?? ""], "cat_price_value", admin)).rejects.toBeInstanceOf(TaxonomyError);
    await expect(fileAnswers(t.db, [a1?.ref ?? ""], "cat_price_value", admin)).rejects.toMatchObject({
      problem: { code: "no-live-target", field: "categoryId" },
    });
  });

  it("splits the answers matching a pattern into a new category", async () => {
    // Budget cut first holds a1, a2 and b1, filed there by hand; the pattern matches a1 and a2.
    const filed = [...(await refsIn("cat_price_value")), ...(await refsIn("cat_missing_features"))];
    await fileAnswers(
      t.db,
      filed.map((r) => r.ref),
      "cat_budget_cut",
      admin,
    );
    expect(await refsIn("cat_budget_cut")).toHaveLength(3);
    const { id, moved } = await splitCategory(
      t.db,
      "cat_budget_cut",
      { name: "Pricing", description: "Price complaints", regrettable: true, color: "chart-1" },
      { pattern: "price|expensive", matchKind: "regex", reasonCode: null },
      admin,
    );
    expect(moved).toBe(2);
    expect((await refsIn(id)).map((r) => r.text)).toEqual([
      "Way too expensive for a team our size",
      "The price went up again",
    ]);
    await expect(
      splitCategory(
        t.db,
        "cat_budget_cut",
        { name: "pricing", description: "", regrettable: true, color: "chart-2" },
        { pattern: "x", matchKind: "keyword", reasonCode: null },
        admin,
      ),
    ).rejects.toMatchObject({ field: "name", problem: { code: "name-taken", name: "pricing" } });
  });

  it("archiving keeps past answers and files new ones with its codes into Uncategorized", async () => {
    await archiveCategory(t.db, "cat_not_adopted", admin);
    const outcome = await ingestBatch(
      t.db,
      "cancellations",
      allChecked([
        {
          accountExternalId: "acc",
          submittedAt: new Date("2026-03-07T10:00:00Z"),
          reasonCode: "unused",
          outcome: "canceled",
        },
      ]),
      SYSTEM_ACTOR,
    );
    expect(outcome.ok).toBe(true);
    const [row] = await t.db.select().from(cancellationResponses).where(eq(cancellationResponses.reasonCode, "unused"));
    expect(row?.categoryId).toBe("cat_uncategorized");
  });
});

describe("users", () => {
  it("applies a role change to the user's very next request", async () => {
    expect((await loadSession(t.db, "usr_mgr", 0))?.role).toBe("manager");
    await setUserRole(t.db, "usr_mgr", "cs", admin);
    expect((await loadSession(t.db, "usr_mgr", 0))?.role).toBe("cs");
    await setUserActive(t.db, "usr_mgr", false, admin);
    expect(await loadSession(t.db, "usr_mgr", 0)).toBeNull();
  });

  it("never leaves the installation without an active admin", async () => {
    await expect(setUserRole(t.db, "usr_admin", "manager", admin)).rejects.toBeInstanceOf(LastAdminError);
    await expect(setUserActive(t.db, "usr_admin", false, admin)).rejects.toBeInstanceOf(LastAdminError);
    expect((await loadSession(t.db, "usr_admin", 0))?.role).toBe("admin");
    // With a second active admin, the first may step down.
    await setUserActive(t.db, "usr_mgr", true, admin);
    await setUserRole(t.db, "usr_mgr", "admin", admin);
    await setUserRole(t.db, "usr_admin", "manager", admin);
    expect((await loadSession(t.db, "usr_admin", 0))?.role).toBe("manager");
    await expect(setUserRole(t.db, "usr_mgr", "cs", admin)).rejects.toBeInstanceOf(LastAdminError);
  });
});
