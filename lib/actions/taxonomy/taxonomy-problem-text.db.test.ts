// The refusals of the taxonomy and filing writes, end to end: the query's typed problem, worded as
// the actions answer it.
import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { mergeCategories } from "@/db/queries/taxonomy";
import { TaxonomyError } from "@/db/queries/taxonomy-error";
import { answerRef, setRegrettable } from "@/db/queries/workbench-filing";
import { cancellationResponses } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { taxonomyProblemText } from "./taxonomy-problem-text";

const t = setupTestDb();

async function wordingOf(write: Promise<unknown>): Promise<string> {
  const error: unknown = await write.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TaxonomyError)) throw new Error("the write did not refuse with a TaxonomyError");
  return taxonomyProblemText(error.problem);
}

describe("a refused taxonomy write reads as before", () => {
  it("names an answer not yet filed, alone or in a batch", async () => {
    const id = uniqueId("words");
    await insertAccounts(t.db, [{ id, events: [["2025-01-01T00:00:00Z", "converted", 5000]] }]);
    await insertResponses(
      t.db,
      ["other", "too_expensive"].map((reasonCode, i) => ({
        accountId: id,
        submittedAt: `2026-03-0${i + 1}T10:00:00Z`,
        reasonCode,
        outcome: "canceled" as const,
      })),
    );
    const refs = (
      await t.db
        .select({ ref: answerRef })
        .from(cancellationResponses)
        .where(eq(cancellationResponses.accountId, id))
        .orderBy(asc(cancellationResponses.seq))
    ).map((r) => r.ref);
    const [unfiled = "", filed = ""] = refs;
    expect(await wordingOf(setRegrettable(t.db, [unfiled], true, SYSTEM_ACTOR))).toBe(
      "This answer is not yet filed: file it into a category first; its regrettable flag comes from there.",
    );
    expect(await wordingOf(setRegrettable(t.db, [filed, unfiled], true, SYSTEM_ACTOR))).toBe(
      "1 of these answers are not yet filed: file them into a category first; nothing was changed.",
    );
  });

  it("refuses to merge a category into itself or Uncategorized away", async () => {
    expect(await wordingOf(mergeCategories(t.db, "cat_price_value", "cat_price_value", SYSTEM_ACTOR))).toBe(
      "Pick another category to merge into.",
    );
    expect(await wordingOf(mergeCategories(t.db, "cat_uncategorized", "cat_price_value", SYSTEM_ACTOR))).toBe(
      "Uncategorized cannot be merged away; file its answers instead.",
    );
    expect(await wordingOf(mergeCategories(t.db, "cat_nope", "cat_price_value", SYSTEM_ACTOR))).toBe(
      "No such category.",
    );
  });
});
