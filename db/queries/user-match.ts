// Two expressions every user query shares: an address matched in any case, and the next session version.
import { type SQL, sql } from "drizzle-orm";
import { users } from "@/db/schema";

/** The user with this address in any case (the unique index is on lower(email), so this uses it). */
export const emailIs = (email: string): SQL => sql`lower(${users.email}) = ${email.toLowerCase()}`;

/** Raising the version ends every session whose token carries an older one. */
export const nextSessionVersion = (): SQL => sql`${users.sessionVersion} + 1`;
