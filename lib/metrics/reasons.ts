// The reason breakdown (docs/metrics.md): responses, cancels, MRR lost, regrettable and saves, from rows
// grouped by the database. A saved answer is validated 30 × 24 h after it was given.
import { ratio } from "./churn";

import { NO_ANSWER_REASON, SAVE_OFFERS, type SaveOffer } from "@/lib/values";

/** One group of responses: same month, category, code, offer, regrettable flag, outcome and save state. */
export interface ReasonGroup {
  month: string;
  categoryId: string;
  reasonCode: string;
  offer: SaveOffer;
  /** null: not yet filed (the answer waits in Uncategorized), neither regrettable nor not. */
  regrettable: boolean | null;
  canceled: boolean;
  /** For answers not ending in a cancel: saved, not saved, or pending (30 days not yet over). */
  saveState: "saved" | "lost" | "pending" | null;
  responses: number;
  mrrLostCents: number;
}

export interface CategoryInfo {
  id: string;
  slug: string;
  name: string;
  /** The category's default; null for Uncategorized. */
  regrettable: boolean | null;
  color: string;
  /** An archived category keeps its past answers: it is listed while the period holds some of them. */
  archived?: boolean;
}

export interface ReasonsReport {
  asOf: string;
  taxonomyVersion: number;
  categories: {
    category: string;
    name: string;
    color: string;
    regrettable: boolean | null;
    responses: number;
    canceled: number;
    mrrLostCents: number;
    regrettableResponses: number;
    /** MRR lost by the answers counted in regrettableResponses. */
    regrettableMrrLostCents: number;
    saved: number;
    pending: number;
  }[];
  reasonCodes: { reasonCode: string; responses: number; canceled: number; mrrLostCents: number }[];
  byOffer: { offer: SaveOffer; responses: number; saved: number; pending: number; saveRate: number | null }[];
  byMonth: { month: string; category: string; responses: number; canceled: number; mrrLostCents: number }[];
  /**
   * Cancels pressed before any reason was chosen (reason code `no_answer`): counted here only, in no
   * category (not even Uncategorized's not yet filed), reason code, offer or month above.
   */
  noAnswer: { responses: number; mrrLostCents: number };
}

export function reasonsReport(
  asOf: Date,
  taxonomyVersion: number,
  categories: readonly CategoryInfo[],
  groups: readonly ReasonGroup[],
): ReasonsReport {
  const slugOf = new Map(categories.map((c) => [c.id, c.slug]));
  const byCategory = new Map(
    categories.map((c) => [
      c.id,
      {
        category: c.slug,
        name: c.name,
        color: c.color,
        regrettable: c.regrettable,
        responses: 0,
        canceled: 0,
        mrrLostCents: 0,
        regrettableResponses: 0,
        regrettableMrrLostCents: 0,
        saved: 0,
        pending: 0,
      },
    ]),
  );
  const byCode = new Map<string, { reasonCode: string; responses: number; canceled: number; mrrLostCents: number }>();
  const byOffer = new Map<SaveOffer, { offer: SaveOffer; responses: number; saved: number; pending: number }>();
  const byMonth = new Map<
    string,
    { month: string; category: string; responses: number; canceled: number; mrrLostCents: number }
  >();
  const noAnswer = { responses: 0, mrrLostCents: 0 };
  for (const g of groups) {
    if (g.reasonCode === NO_ANSWER_REASON) {
      noAnswer.responses += g.responses;
      noAnswer.mrrLostCents += g.mrrLostCents;
      continue;
    }
    const canceled = g.canceled ? g.responses : 0;
    const saved = g.saveState === "saved" ? g.responses : 0;
    const pending = g.saveState === "pending" ? g.responses : 0;
    const c = byCategory.get(g.categoryId);
    if (c) {
      c.responses += g.responses;
      c.canceled += canceled;
      c.mrrLostCents += g.mrrLostCents;
      c.regrettableResponses += g.regrettable === true ? g.responses : 0;
      c.regrettableMrrLostCents += g.regrettable === true ? g.mrrLostCents : 0;
      c.saved += saved;
      c.pending += pending;
    }
    const code = byCode.get(g.reasonCode) ?? { reasonCode: g.reasonCode, responses: 0, canceled: 0, mrrLostCents: 0 };
    code.responses += g.responses;
    code.canceled += canceled;
    code.mrrLostCents += g.mrrLostCents;
    byCode.set(g.reasonCode, code);
    const offer = byOffer.get(g.offer) ?? { offer: g.offer, responses: 0, saved: 0, pending: 0 };
    offer.responses += g.responses;
    offer.saved += saved;
    offer.pending += pending;
    byOffer.set(g.offer, offer);
    const slug = slugOf.get(g.categoryId) ?? g.categoryId;
    const key = `${g.month}|${slug}`;
    const m = byMonth.get(key) ?? { month: g.month, category: slug, responses: 0, canceled: 0, mrrLostCents: 0 };
    m.responses += g.responses;
    m.canceled += canceled;
    m.mrrLostCents += g.mrrLostCents;
    byMonth.set(key, m);
  }
  return {
    asOf: asOf.toISOString(),
    taxonomyVersion,
    categories: categories.flatMap((c) => {
      const row = byCategory.get(c.id);
      return row && (!c.archived || row.responses > 0) ? [row] : [];
    }),
    reasonCodes: [...byCode.values()].sort(
      (a, b) => b.responses - a.responses || a.reasonCode.localeCompare(b.reasonCode),
    ),
    byOffer: SAVE_OFFERS.flatMap((o) => {
      const row = byOffer.get(o);
      return row ? [{ ...row, saveRate: ratio(row.saved, row.responses - row.pending) }] : [];
    }),
    byMonth: [...byMonth.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category),
    ),
    noAnswer,
  };
}

export interface SplitPart {
  responses: number;
  mrrLostCents: number;
}

/**
 * Regrettable, not regrettable and not yet filed: the answers in Uncategorized (whose flag is null)
 * are neither of the first two; elsewhere an answer's own flag, else its category's, decides.
 */
export function regrettableSplit(
  categories: readonly Pick<
    ReasonsReport["categories"][number],
    "regrettable" | "responses" | "mrrLostCents" | "regrettableResponses" | "regrettableMrrLostCents"
  >[],
): { total: number; regrettable: SplitPart; notRegrettable: SplitPart; unfiled: SplitPart } {
  const regrettable = { responses: 0, mrrLostCents: 0 };
  const notRegrettable = { responses: 0, mrrLostCents: 0 };
  const unfiled = { responses: 0, mrrLostCents: 0 };
  for (const c of categories) {
    if (c.regrettable === null) {
      unfiled.responses += c.responses;
      unfiled.mrrLostCents += c.mrrLostCents;
      continue;
    }
    regrettable.responses += c.regrettableResponses;
    regrettable.mrrLostCents += c.regrettableMrrLostCents;
    notRegrettable.responses += c.responses - c.regrettableResponses;
    notRegrettable.mrrLostCents += c.mrrLostCents - c.regrettableMrrLostCents;
  }
  const total = regrettable.responses + notRegrettable.responses + unfiled.responses;
  return { total, regrettable, notRegrettable, unfiled };
}
