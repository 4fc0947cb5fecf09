// Follow-up and snooze days are calendar days in UTC, as the queue's Due today is.
const DAY = 86_400_000;

export function utcDay(offsetDays = 0, now = Date.now()): string {
  return new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
}
