// The user shapes: the inputs the user and audit queries take (plain types the zod schemas of
// lib/validation/users.ts are checked against) and the row the admin list draws.
import type { Role } from "@/lib/values";

/** A new staff user; the e-mail is already trimmed and lower-cased. */
export interface CreateUserInput {
  email: string;
  name?: string | undefined;
  role: Role;
  password: string;
}

/** The audit log's filters: actor (label or id), action, entity type, words, days (YYYY-MM-DD) and page. */
export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

/**
 * A staff user as the admin list shows it. listUsers returns `UserRow<Date>`; the page sends the
 * panel its dates as ISO strings.
 */
export interface UserRow<When = string> {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: When;
}
