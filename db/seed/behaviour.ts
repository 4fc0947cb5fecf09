// Product activity and signals for simulated accounts. Activity fades team-wide in the six weeks
// before a cancel (including cancels just past the anchor, which is what the at-risk queue finds),
// while single users go quiet now and then without meaning anything.
import { stateAfter } from "@/lib/metrics/state";
import type { Rng } from "./random";
import type { SimAccount } from "./sim-account";
import { DAY, addMonths, monthKey, monthStart } from "./time";
import type { FeatureMonthRow, SignalRow, UserMonthRow } from "./types";

export const FEATURES = ["dashboards", "reports", "alerts", "automations", "integrations", "exports", "sharing", "api"];
// Before a cancel the team leaves one person at a time over these days: distinct active users
// fall, which is what the health trend sees (a lower daily rate alone barely moves a 28-day count).
const FADE_DAYS = 90;
// Nobody is left in the last three weeks before the cancel.
const GONE_DAYS = 21;

/**
 * Activity level 0–1 of the account on a day (its state, a little lower before the next cancel),
 * and how long until that cancel.
 */
function level(acc: SimAccount, day: number): { level: number; untilCancel: number } {
  let state: string = "none";
  let nextCancel = Infinity;
  for (const e of acc.events) {
    if (e.at < day) state = stateAfter(e.type);
    else if (e.type === "canceled") {
      nextCancel = e.at;
      break;
    }
  }
  let l = state === "active" ? 1 : state === "paused" ? 0.08 : 0;
  if (state === "trial" && acc.trialEndsAt !== null && day < acc.trialEndsAt) l = 0.7;
  const untilCancel = nextCancel - day;
  if (untilCancel < FADE_DAYS * DAY) l *= 0.4 + 0.6 * Math.max(0, untilCancel / (FADE_DAYS * DAY));
  return { level: l, untilCancel };
}

export function activityFor(
  rng: Rng,
  acc: SimAccount,
  from: number,
  anchor: number,
  maxTeam = 60,
): { users: UserMonthRow[]; features: FeatureMonthRow[] } {
  const accountId = accountIdOf(acc);
  const team = Math.max(
    1,
    Math.min(maxTeam, Math.round(acc.seats * rng.float(0.45, 0.9) * (0.5 + acc.engagement / 2))),
  );
  const adopted = FEATURES.slice(
    0,
    Math.max(1, Math.min(FEATURES.length, Math.round(2 + acc.engagement * 6 + rng.float(-1.5, 1.5)))),
  );
  const people = Array.from({ length: team }, (_, i) => ({
    ref: `u${String(i + 1).padStart(3, "0")}`,
    // The share of the fade still ahead when this person stops (spread evenly over the team
    // without drawing from the generator, so the rest of the data set is unchanged).
    leaves: (i * 0.618033988749895 + acc.engagement * 7.3) % 1,
    p: Math.min(0.92, acc.engagement * rng.float(0.55, 1.15)),
    quietFrom: rng.chance(0.12) ? rng.float(from, anchor) : Infinity,
  }));
  const users = new Map<string, UserMonthRow>();
  const features = new Map<string, FeatureMonthRow>();
  for (let day = from; day < anchor; day += DAY) {
    const { level: l, untilCancel } = level(acc, day);
    if (l <= 0) continue;
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.2 : 1;
    const month = monthKey(day);
    const bit = 1 << (new Date(day).getUTCDate() - 1);
    for (const person of people) {
      const quiet =
        day >= person.quietFrom
          ? 0.1
          : untilCancel < (GONE_DAYS + (FADE_DAYS - GONE_DAYS) * person.leaves) * DAY
            ? 0
            : 1;
      if (!rng.chance(person.p * l * weekend * quiet)) continue;
      const events = 1 + Math.floor(rng.next() * rng.next() * 30);
      const uk = `${month}|${person.ref}`;
      const u = users.get(uk) ?? { accountId, month, userRef: person.ref, activeDays: 0, events: 0 };
      u.activeDays |= bit;
      u.events += events;
      users.set(uk, u);
      const used = rng.chance(0.4) ? 2 : 1;
      for (let f = 0; f < used; f++) {
        // Core features are used far more often than the rest.
        const feature = adopted[Math.floor(rng.next() ** 1.8 * adopted.length)] ?? "dashboards";
        const fk = `${month}|${feature}`;
        const row = features.get(fk) ?? { accountId, month, feature, activeDays: 0, events: 0 };
        row.activeDays |= bit;
        row.events += Math.ceil(events / used);
        features.set(fk, row);
      }
    }
  }
  return { users: [...users.values()], features: [...features.values()] };
}

export function signalsFor(rng: Rng, acc: SimAccount, start: number, anchor: number): SignalRow[] {
  const accountId = accountIdOf(acc);
  const out: SignalRow[] = [];
  const add = (kind: SignalRow["kind"], at: number, score?: number, comment?: string) => {
    if (at < anchor) {
      const occurredAt = new Date(Math.floor(at / 1000) * 1000);
      out.push({ accountId, kind, occurredAt, score: score ?? null, comment: comment ?? null, receivedAt: occurredAt });
    }
  };
  const cancels = acc.events.filter((e) => e.type === "canceled").map((e) => e.at);
  for (let ms = monthStart(start); ms < anchor; ms = addMonths(ms, 1)) {
    const l = level(acc, ms).level;
    if (l <= 0 && !cancels.some((c) => c > ms && c - ms < 60 * DAY)) continue;
    const doomed = cancels.some((c) => c > ms && c - ms < 75 * DAY);
    const at = () => ms + rng.float(0, 28) * DAY;
    if (rng.chance(doomed ? 0.3 : 0.025)) {
      const failed = at();
      add("payment_failed", failed);
      if (rng.chance(doomed ? 0.3 : 0.75)) add("payment_recovered", failed + rng.float(1, 6) * DAY);
    }
    if (rng.chance(doomed ? 0.35 : 0.08)) {
      const opened = at();
      add("ticket_opened", opened);
      if (rng.chance(0.9)) add("ticket_closed", opened + rng.float(0.2, 5) * DAY);
    }
    if (rng.chance(0.08)) {
      const raw = acc.engagement * 10 + rng.float(-3, 2.5) - (doomed ? 3.5 : 0);
      const score = Math.max(0, Math.min(10, Math.round(raw)));
      const comment = rng.chance(0.3) ? npsComment(rng, score) : undefined;
      add("nps", at(), score, comment);
    }
  }
  return out;
}

function npsComment(rng: Rng, score: number): string {
  if (score >= 9)
    return rng.pick(["Love the weekly digest.", "Saves our team hours every week.", "Great product, great support."]);
  if (score >= 7)
    return rng.pick([
      "Good, but the reports could be faster.",
      "Does the job.",
      "Solid. Would like more integrations.",
    ]);
  return rng.pick([
    "Hard to get the team to use it.",
    "Too many bugs lately.",
    "Pricing is getting hard to justify.",
    "Support takes too long.",
  ]);
}

export function accountIdOf(acc: SimAccount): string {
  return `acc_${String(acc.index + 1).padStart(5, "0")}`;
}
