// The refusal every taxonomy and filing write throws: a typed problem naming the form field, which
// the actions word for a person.
import type { TaxonomyProblem } from "@/lib/types/taxonomy";

export class TaxonomyError extends Error {
  readonly field: string;

  constructor(readonly problem: TaxonomyProblem) {
    super(`taxonomy write refused: ${problem.code}`);
    this.field = problem.field;
  }
}
