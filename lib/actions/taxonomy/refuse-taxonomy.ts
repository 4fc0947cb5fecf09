// Runs a taxonomy or filing write, answering the problem it refuses with as a 422 in a person's words.
import "server-only";
import { TaxonomyError } from "@/db/queries/taxonomy-error";
import { Refusal } from "@/lib/actions/safe-action";
import { taxonomyProblemText } from "./taxonomy-problem-text";

export async function refuseTaxonomy<T>(write: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof TaxonomyError)) throw error;
    return new Refusal(422, taxonomyProblemText(error.problem), { field: error.field });
  }
}
