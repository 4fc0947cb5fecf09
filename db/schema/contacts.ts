// The people at a customer: who the champion and the decision makers are, and who has left.
import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { contactRole } from "./enums";

export const contacts = pgTable(
  "contacts",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Lower-cased: the key with the account (POST /api/v1/contacts upserts by both). */
    email: text("email").notNull(),
    name: text("name"),
    role: contactRole("role").notNull(),
    /** When the contact left the customer's company; null while they are there. */
    leftAt: timestamp("left_at", { withTimezone: true, precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.email] }),
    // Serves "who left recently" for the health reasons and the alert rule.
    index("contacts_left_idx").on(t.leftAt),
  ],
);
