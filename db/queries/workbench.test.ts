// The workbench's answers on a real database: an answer in Uncategorized is not yet filed, so it is
// neither regrettable nor not, and its flag cannot be set until it is filed.
import { describe, expect, it } from "vitest";
import { and, asc, count, eq, like, sql } from "drizzle-orm";
import { auditLog, cancellationResponses } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { SYSTEM_ACTOR } from "./audit";
import { UNCATEGORIZED } from "./taxonomy";
import { TaxonomyError } from "./taxonomy-error";
import { listAnswers } from "./workbench";
import { answerRef, fileAnswers, setRegrettable } from "./workbench-filing";

const t = setupTestDb();
const admin = SYSTEM_ACTOR;

/** An account of the test's own with one answer per reason code given; returns the answers' refs. */
async function answers(reasonCodes: string[]) {
  const id = uniqueId("wb");
  await insertAccounts(t.db, [{ id, events: [["2025-01-01T00:00:00Z", "converted", 5000]] }]);
  await insertResponses(
    t.db,
    reasonCodes.map((reasonCode, i) => ({
      accountId: id,
      submittedAt: `2026-03-0${i + 1}T10:00:00Z`,
      reasonCode,
      outcome: "canceled" as const,
      freeText: `answer ${i + 1}`,
    })),
  );
  const rows = await t.db
    .select({ ref: answerRef })
    .from(cancellationResponses)
    .where(eq(cancellationResponses.accountId, id))
    .orderBy(asc(cancellationResponses.seq));
  return { id, refs: rows.map((r) => r.ref) };
}

const overrides = async (id: string) =>
  (
    await t.db
      .select({ v: cancellationResponses.regrettableOverride })
      .from(cancellationResponses)
      .where(eq(cancellationResponses.accountId, id))
      .orderBy(asc(cancellationResponses.seq))
  ).map((r) => r.v);

const audits = async (id: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "answers.regrettable"), like(sql`${auditLog.after}::text`, `%${id}%`)))
  )[0]?.n;

describe("an answer in Uncategorized is not yet filed", () => {
  it("is listed as neither regrettable nor not, whatever flag is stored for it", async () => {
    const { id } = await answers(["other", "too_expensive"]);
    // Whatever Uncategorized's own flag or an override left behind says.
    await t.db
      .update(cancellationResponses)
      .set({ regrettableOverride: true })
      .where(eq(cancellationResponses.accountId, id));
    const page = await listAnswers(t.db, { category: UNCATEGORIZED, q: id, code: undefined, page: 1 });
    expect(page.rows.map((r) => r.regrettable)).toEqual([null]);
    const filed = await listAnswers(t.db, { category: "cat_price_value", q: id, code: undefined, page: 1 });
    expect(filed.rows.map((r) => r.regrettable)).toEqual([true]);
  });

  it("refuses to set its regrettable flag, and changes nothing in a batch that holds one", async () => {
    const { id, refs } = await answers(["other", "too_expensive"]);
    const [unfiled = "", filed = ""] = refs;
    await expect(setRegrettable(t.db, [unfiled], true, admin)).rejects.toThrow(TaxonomyError);
    await expect(setRegrettable(t.db, [unfiled], true, admin)).rejects.toMatchObject({
      problem: { code: "not-yet-filed", field: "refs", unfiled: 1, of: 1 },
    });
    await expect(setRegrettable(t.db, [filed, unfiled], false, admin)).rejects.toMatchObject({
      problem: { code: "not-yet-filed", unfiled: 1, of: 2 },
    });
    expect(await overrides(id)).toEqual([null, null]);
    expect(await audits(id)).toBe(0);
    // A filed answer still takes one.
    await setRegrettable(t.db, [filed], false, admin);
    expect(await overrides(id)).toEqual([null, false]);
    expect(await audits(id)).toBe(1);
  });

  it("loses its override when it is put back in Uncategorized", async () => {
    const { id, refs } = await answers(["too_expensive"]);
    await setRegrettable(t.db, refs, false, admin);
    await fileAnswers(t.db, refs, UNCATEGORIZED, admin);
    expect(await overrides(id)).toEqual([null]);
    const page = await listAnswers(t.db, { category: UNCATEGORIZED, q: id, code: undefined, page: 1 });
    expect(page.rows.map((r) => [r.regrettable, r.regrettableOverride])).toEqual([[null, null]]);
  });
});
