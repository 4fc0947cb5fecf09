// The columns every list of cancellation answers shows (the reasons page lists its own: db/queries/verbatims.ts).
import { cancellationResponses, reasonCategories } from "@/db/schema";

/** What every list of answers shows (join reason_categories for the category's name). */
export const answerColumns = {
  accountId: cancellationResponses.accountId,
  seq: cancellationResponses.seq,
  submittedAt: cancellationResponses.submittedAt,
  reasonCode: cancellationResponses.reasonCode,
  freeText: cancellationResponses.freeText,
  competitor: cancellationResponses.competitor,
  offerShown: cancellationResponses.offerShown,
  offerAccepted: cancellationResponses.offerAccepted,
  outcome: cancellationResponses.outcome,
  category: reasonCategories.name,
};
