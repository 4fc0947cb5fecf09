// The answers in the customers' own words, as the read API sends them and the reasons page lists them.

export interface Verbatim {
  /** `accountId:seq`, unique per answer. */
  ref: string;
  submittedAt: string;
  accountExternalId: string;
  accountName: string;
  /** The category's stable slug and its name. */
  category: string;
  categoryName: string;
  /** The option the customer picked, as sent. */
  reasonCode: string;
  freeText: string | null;
  competitor: string | null;
  offerShown: string;
  offerAccepted: boolean;
  outcome: string;
}

export interface VerbatimsPage {
  asOf: string;
  /** The page shown (1-based): a page past the last shows the last. */
  page: number;
  pageSize: number;
  /** Answers matching the filters, over every page. */
  total: number;
  answers: Verbatim[];
}

/** Which answers of the reasons report's scope to list. */
export interface VerbatimsFilter {
  /** A category's slug; all categories when absent. */
  category?: string;
  /** Words that must all appear in the answer's text (case-insensitive, `%` and `_` as themselves). */
  q?: string;
  page: number;
}
