// The words a person reads when a taxonomy or filing write refuses, for each typed problem.
import type { TaxonomyProblem } from "@/lib/types/taxonomy";

export function taxonomyProblemText(problem: TaxonomyProblem): string {
  switch (problem.code) {
    case "no-such-category":
      return "No such category.";
    case "category-archived":
      return `“${problem.name}” is archived.`;
    case "name-taken":
      return `A category named “${problem.name}” exists already.`;
    case "merge-into-itself":
      return "Pick another category to merge into.";
    case "merge-uncategorized":
      return "Uncategorized cannot be merged away; file its answers instead.";
    case "archive-uncategorized":
      return "Uncategorized cannot be archived.";
    case "bad-pattern":
      return "This is not a valid regular expression (PostgreSQL syntax).";
    case "no-live-target":
      return "No such category, or it is archived.";
    case "not-yet-filed":
      return problem.unfiled === 1 && problem.of === 1
        ? "This answer is not yet filed: file it into a category first; its regrettable flag comes from there."
        : `${problem.unfiled} of these answers are not yet filed: file them into a category first; nothing was changed.`;
    case "no-such-rule":
      return "No such rule, or it was removed.";
  }
}
