// Calendar helpers for the generator, in UTC milliseconds.
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** `YYYY-MM-01`, the key of a month in the activity rollups. */
export function monthKey(ms: number): string {
  return new Date(monthStart(ms)).toISOString().slice(0, 10);
}
