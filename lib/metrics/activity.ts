// Active users (or features) in a window of days, from the monthly day-bitmask rollups.

const DAY = 86_400_000;

export interface MonthBitmap {
  /** `YYYY-MM-01` */
  month: string;
  /** The user (or feature) the bitmap belongs to. */
  key: string;
  /** Bit d-1 set when active on day d of the month. */
  activeDays: number;
}

/** The bits of `month` that fall inside [from, to). */
export function windowMask(month: string, from: Date, to: Date): number {
  const start = Date.parse(`${month}T00:00:00Z`);
  let mask = 0;
  for (let day = 0; day < 31; day++) {
    const at = start + day * DAY;
    if (new Date(at).getUTCMonth() !== new Date(start).getUTCMonth()) break;
    if (at >= from.getTime() && at < to.getTime()) mask |= 1 << day;
  }
  return mask;
}

/** Distinct keys with at least one active day in [from, to). */
export function distinctActive(rows: readonly MonthBitmap[], from: Date, to: Date): number {
  const seen = new Set<string>();
  const masks = new Map<string, number>();
  for (const row of rows) {
    let mask = masks.get(row.month);
    if (mask === undefined) {
      mask = windowMask(row.month, from, to);
      masks.set(row.month, mask);
    }
    if ((row.activeDays & mask) !== 0) seen.add(row.key);
  }
  return seen.size;
}
