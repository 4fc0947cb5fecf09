// The words of each taxonomy refusal, exactly as the admin pages show them.
import { describe, expect, it } from "vitest";
import { taxonomyProblemText } from "./taxonomy-problem-text";

describe("taxonomyProblemText", () => {
  it.each([
    [{ code: "no-such-category", field: "id" } as const, "No such category."],
    [{ code: "category-archived", field: "sourceId", name: "Price" } as const, "“Price” is archived."],
    [{ code: "name-taken", field: "name", name: "Pricing" } as const, "A category named “Pricing” exists already."],
    [{ code: "merge-into-itself", field: "targetId" } as const, "Pick another category to merge into."],
    [
      { code: "merge-uncategorized", field: "sourceId" } as const,
      "Uncategorized cannot be merged away; file its answers instead.",
    ],
    [{ code: "archive-uncategorized", field: "id" } as const, "Uncategorized cannot be archived."],
    [{ code: "bad-pattern", field: "pattern" } as const, "This is not a valid regular expression (PostgreSQL syntax)."],
    [{ code: "no-live-target", field: "categoryId" } as const, "No such category, or it is archived."],
    [
      { code: "not-yet-filed", field: "refs", unfiled: 1, of: 1 } as const,
      "This answer is not yet filed: file it into a category first; its regrettable flag comes from there.",
    ],
    [
      { code: "not-yet-filed", field: "refs", unfiled: 1, of: 2 } as const,
      "1 of these answers are not yet filed: file them into a category first; nothing was changed.",
    ],
    [
      { code: "not-yet-filed", field: "refs", unfiled: 3, of: 3 } as const,
      "3 of these answers are not yet filed: file them into a category first; nothing was changed.",
    ],
    [{ code: "no-such-rule", field: "id" } as const, "No such rule, or it was removed."],
  ])("words %o", (problem, text) => {
    expect(taxonomyProblemText(problem)).toBe(text);
  });
});
