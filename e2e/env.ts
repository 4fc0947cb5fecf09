// Settings shared by the Playwright config, the e2e server and the specs.
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

export function e2eBaseUrl(): string {
  return `http://127.0.0.1:${e2ePort()}`;
}

/** A second server on the next port: a new installation with no data and one admin. */
export function e2eEmptyUrl(): string {
  return `http://127.0.0.1:${e2ePort() + 1}`;
}

export const EMPTY_ADMIN = {
  email: "first-admin@holdfast.local",
  password: "first-admin-password",
  name: "First Admin",
} as const;

/** The day the e2e demo data ends: fixed per run so the specs can regenerate the same data. */
export function e2eAnchor(): Date {
  process.env.E2E_ANCHOR ??= new Date().toISOString().slice(0, 10);
  return new Date(`${process.env.E2E_ANCHOR}T00:00:00Z`);
}
