// Cancellation answers as customers wrote them, newest first.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancellationResponses, reasonCategories } from "@/db/schema";

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

export async function latestResponses(db: Db, limit = 25) {
  return db
    .select({
      ...answerColumns,
      accountName: accounts.name,
      accountExternalId: accounts.externalId,
    })
    .from(cancellationResponses)
    .innerJoin(accounts, eq(accounts.id, cancellationResponses.accountId))
    .innerJoin(reasonCategories, eq(reasonCategories.id, cancellationResponses.categoryId))
    .orderBy(desc(cancellationResponses.submittedAt), desc(cancellationResponses.seq))
    .limit(limit);
}
