// Other evidence about an account: failed and recovered payments, support tickets, NPS answers.
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { signalKind } from "./enums";

export const signals = pgTable(
  "signals",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    kind: signalKind("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    score: integer("score"),
    comment: text("comment"),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.seq] }),
    index("signals_account_time_idx").on(t.accountId, t.occurredAt),
  ],
);
