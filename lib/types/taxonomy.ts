// The shapes of the reason taxonomy that the admin pages draw and its queries take and return.
/** How a rule or a split matches an answer's text. */
export type MatchKind = "keyword" | "regex";

/** A category as a form edits it (create, edit, the new category of a split). */
export interface CategoryInput {
  name: string;
  description: string;
  regrettable: boolean;
  /** A theme token (chart-1 … chart-12). */
  color: string;
}

/** Which answers a keyword or regular expression (and optional reason code) picks. */
export interface MatchInput {
  pattern: string;
  matchKind: MatchKind;
  reasonCode: string | null;
}

/** A row of the taxonomy table. */
export interface CategoryRow extends CategoryInput {
  id: string;
  slug: string;
  isUncategorized: boolean;
  archived: boolean;
  answers: number;
  reasonCodes: string[];
}

/** A category answers can be filed into now. */
export interface LiveCategory {
  id: string;
  name: string;
  color: string;
  /** Null only for Uncategorized, whose answers are not yet filed. */
  regrettable: boolean | null;
  isUncategorized: boolean;
}

export interface TaxonomyVersion {
  version: number;
  note: string;
  /** ISO 8601. */
  at: string;
  by: string | null;
}

/**
 * Why a taxonomy or filing write refused, with the form field it concerns; the actions word it.
 * `unfiled` of `of`: how many answers of the batch are still in Uncategorized.
 */
export type TaxonomyProblem =
  | { code: "no-such-category"; field: string }
  | { code: "category-archived"; field: string; name: string }
  | { code: "name-taken"; field: "name"; name: string }
  | { code: "merge-into-itself"; field: "targetId" }
  | { code: "merge-uncategorized"; field: "sourceId" }
  | { code: "archive-uncategorized"; field: "id" }
  | { code: "bad-pattern"; field: "pattern" }
  | { code: "no-live-target"; field: "categoryId" }
  | { code: "not-yet-filed"; field: "refs"; unfiled: number; of: number }
  | { code: "no-such-rule"; field: "id" };
