// An API key as the admin page lists it.

/** An API key as the admin list shows it (listApiKeys returns `ApiKeyRow<Date>`; the panel gets ISO strings). */
export interface ApiKeyRow<When = string> {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: When;
  lastUsedAt: When | null;
  revokedAt: When | null;
  /** The name of the user who created it, if they still exist. */
  createdBy: string | null;
}
