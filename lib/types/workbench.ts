// The shapes of the categorizing workbench that its page draws and its queries take and return.
import type { CancellationOutcome } from "@/lib/values";

/** Which answers a workbench page lists (parsed from the URL). */
export interface WorkbenchFilters {
  category: string;
  q?: string | undefined;
  code?: string | undefined;
  page: number;
}

export interface WorkbenchAnswer {
  /** `account id:arrival number`, the answer's name in every write. */
  ref: string;
  /** ISO 8601. */
  submittedAt: string;
  reasonCode: string;
  freeText: string | null;
  competitor: string | null;
  outcome: CancellationOutcome;
  externalId: string;
  accountName: string;
  mrrCents: number;
  categoryId: string;
  /** Null for an answer in Uncategorized: not yet filed, so neither regrettable nor not. */
  regrettable: boolean | null;
  regrettableOverride: boolean | null;
  suggestion: { ruleId: string; categoryId: string; categoryName: string } | null;
}

/** A category the workbench files into (a key, the palette, the filter). */
export interface WorkbenchCategory {
  id: string;
  name: string;
  color: string;
  isUncategorized: boolean;
}

/** A reason code of the category shown, with how many of its answers have it. */
export interface ReasonCodeCount {
  code: string;
  n: number;
}

export interface RuleRow {
  id: string;
  pattern: string;
  matchKind: string;
  reasonCode: string | null;
  categoryId: string;
  categoryName: string;
}

/** What a rule would file: how many uncategorized answers it matches, and a few of them. */
export interface RulePreview {
  count: number;
  sample: { ref: string; freeText: string | null; reasonCode: string }[];
}

/** One move of an answer to another category. */
export interface AnswerFiling {
  /** ISO 8601. */
  at: string;
  from: string;
  to: string;
  version: number;
  cause: string;
  by: string;
}
