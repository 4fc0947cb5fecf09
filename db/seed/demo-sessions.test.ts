// The demo's cancel sessions agree with everything else the demo holds: each answer given in the
// flow has its one session with the same words and offer, each session's account moved the way its
// outcome says, sessions that ended without an answer wrote none, and enterprise accounts walked
// the enterprise flow.
import { beforeAll, describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { offerFor } from "@/db/queries/cancel-session-load";
import {
  accounts,
  cancelFlowVersions,
  cancelFlows,
  cancelSessions,
  cancellationResponses,
  subscriptionEvents,
} from "@/db/schema";
import { stateAfter } from "@/lib/metrics/state";
import { variantFor } from "@/lib/metrics/variant";
import { CANCEL_SESSION_STATUSES, NO_ANSWER_REASON } from "@/lib/values";
import { createTestDb, setupTestDb } from "@/test/db";
import { generateDemo } from "./demo";
import { resetData } from "./reset";
import { loadDataset } from "./load";
import { generatePreset } from "./presets";
import { addMonths } from "./time";

const anchor = new Date("2026-11-26T00:00:00Z");
const from = addMonths(anchor.getTime(), -6);
const MINUTE = 60_000;
const DAY = 86_400_000;
const t = setupTestDb();

type Session = typeof cancelSessions.$inferSelect;
type Response = typeof cancellationResponses.$inferSelect;
type Event = typeof subscriptionEvents.$inferSelect;

let sessions: Session[] = [];
let responses: Response[] = [];
let versions: (typeof cancelFlowVersions.$inferSelect)[] = [];
let flows: (typeof cancelFlows.$inferSelect)[] = [];
const segmentOf = new Map<string, string | null>();
const eventsOf = new Map<string, Event[]>();

const outcomeStatus = (outcome: Response["outcome"]) => (outcome === "canceled" ? "canceled" : "saved");

beforeAll(async () => {
  await loadDataset(t.db, generatePreset("demo", 1, anchor));
  sessions = await t.db.select().from(cancelSessions).orderBy(asc(cancelSessions.createdAt));
  responses = await t.db.select().from(cancellationResponses);
  versions = await t.db.select().from(cancelFlowVersions);
  flows = await t.db.select().from(cancelFlows);
  for (const a of await t.db.select({ id: accounts.id, segment: accounts.segment }).from(accounts))
    segmentOf.set(a.id, a.segment);
  const events = await t.db
    .select()
    .from(subscriptionEvents)
    .orderBy(asc(subscriptionEvents.occurredAt), asc(subscriptionEvents.seq));
  for (const e of events) eventsOf.set(e.accountId, [...(eventsOf.get(e.accountId) ?? []), e]);
});

describe("demo cancel sessions, seed 1", () => {
  it("gives every answer in the six months exactly one session with the same account, words, offer and end", () => {
    const inWindow = responses.filter((r) => r.submittedAt.getTime() >= from + DAY);
    expect(inWindow.length).toBeGreaterThan(80);
    // Every answer of the period came through the flow.
    expect(inWindow.filter((r) => !r.externalId?.startsWith("cancel_session:"))).toEqual([]);
    const viaFlow = responses.filter((r) => r.externalId?.startsWith("cancel_session:"));
    for (const r of viaFlow) {
      const matching = sessions.filter((s) => `cancel_session:${s.id}` === r.externalId);
      expect(matching, r.externalId ?? "").toHaveLength(1);
      const [s] = matching;
      expect(s).toMatchObject({
        accountId: r.accountId,
        reasonCode: r.reasonCode,
        freeText: r.freeText,
        offerAccepted: r.offerAccepted,
        status: outcomeStatus(r.outcome),
        endedAt: r.submittedAt,
        returnUrl: "https://app.example.com/account",
      });
      expect(s?.offer?.kind ?? "none", r.externalId ?? "").toBe(r.offerShown);
    }
  });

  it("puts every session of a version with an experiment in the variant its id hashes to, showing that variant's offer", () => {
    const experimentOf = new Map(versions.map((v) => [v.id, v.content.experiment ?? null]));
    const slot = { A: 0, B: 0 };
    for (const s of sessions) {
      const experiment = experimentOf.get(s.flowVersionId) ?? null;
      expect(s.variant, s.id).toBe(experiment ? variantFor(s.id, experiment.shareB) : null);
      if (!experiment || s.reasonCode !== experiment.reasonCode) continue;
      if (s.variant === "A" || s.variant === "B") slot[s.variant]++;
      // The experiment's slot: A's own 25 % for 3 months, B's 40 % for 2.
      expect(s.offer, s.id).toEqual(
        s.variant === "B" ? { kind: "discount", percent: 40, months: 2 } : { kind: "discount", percent: 25, months: 3 },
      );
    }
    // Both variants have sessions that met their offer.
    expect(slot.A).toBeGreaterThan(2);
    expect(slot.B).toBeGreaterThan(2);
  });

  it("writes one answer for every session that ended with one", () => {
    const viaFlow = responses.filter((r) => r.externalId?.startsWith("cancel_session:"));
    const ended = sessions.filter((s) => s.status === "saved" || s.status === "canceled");
    expect(ended).toHaveLength(viaFlow.length);
  });

  it("has sessions of all four endings, a few canceled before giving a reason", () => {
    const byStatus = new Map<string, number>();
    for (const s of sessions) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
    for (const status of CANCEL_SESSION_STATUSES.filter((x) => x !== "open")) {
      expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(5);
    }
    expect(byStatus.get("open")).toBeUndefined();
    const noAnswer = sessions.filter((s) => s.reasonCode === NO_ANSWER_REASON);
    expect(noAnswer.length).toBeGreaterThan(2);
    for (const s of noAnswer) expect(s).toMatchObject({ status: "canceled", offer: null, freeText: null });
    expect(new Set(sessions.map((s) => s.locale))).toEqual(new Set(["en-US", "de-DE", "fr-FR"]));
  });

  it("keeps each session's times in order, within six months before the anchor", () => {
    for (const s of sessions) {
      expect(s.createdAt.getTime()).toBeGreaterThanOrEqual(from);
      expect(s.endedAt?.getTime() ?? Infinity).toBeLessThan(anchor.getTime());
      expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(60 * MINUTE);
      expect(s.preview).toBe(false);
      if (s.status === "expired") {
        expect(s).toMatchObject({ openedAt: null, stepsSeen: [], reasonCode: null });
        expect(s.endedAt?.getTime()).toBeGreaterThan(s.expiresAt.getTime());
        continue;
      }
      const opened = s.openedAt?.getTime() ?? NaN;
      expect(opened).toBeGreaterThan(s.createdAt.getTime());
      expect(opened).toBeLessThan(s.expiresAt.getTime());
      expect(s.stepsSeen[0]).toBe("loss");
      if (s.status === "abandoned") {
        expect(s.endedAt?.getTime()).toBeGreaterThan(opened + 24 * 60 * MINUTE);
        expect(s.step).toBe(s.stepsSeen[s.stepsSeen.length - 1]);
      } else {
        expect(s.step).toBe("goodbye");
        expect(s.stepsSeen[s.stepsSeen.length - 1]).toBe("goodbye");
        expect(s.endedAt?.getTime()).toBeGreaterThan(opened);
      }
    }
  });

  it("writes no answer for abandoned and expired sessions, which belong to active customers", () => {
    const quiet = sessions.filter((s) => s.status === "abandoned" || s.status === "expired");
    const answered = new Set(responses.map((r) => r.externalId));
    for (const s of quiet) {
      expect(answered.has(`cancel_session:${s.id}`), s.id).toBe(false);
      const before = (eventsOf.get(s.accountId) ?? []).filter((e) => e.occurredAt < s.createdAt);
      const last = before[before.length - 1];
      expect(last && stateAfter(last.type), s.id).toBe("active");
    }
    // Some of them opened the page in the last 30 days: the accounts a watchlist shows.
    const recent = quiet.filter((s) => s.openedAt && s.openedAt.getTime() >= anchor.getTime() - 30 * DAY);
    expect(recent.length).toBeGreaterThan(0);
  });

  it("moves each account the way its session ended", () => {
    for (const s of sessions.filter((x) => x.status === "saved" || x.status === "canceled")) {
      const end = s.endedAt?.getTime() ?? NaN;
      const after = (eventsOf.get(s.accountId) ?? []).filter((e) => e.occurredAt.getTime() >= end);
      const next = after[0];
      // An event past the anchor is not in the data set yet.
      const pastAnchor = end >= anchor.getTime() - 31 * MINUTE;
      if (s.status === "canceled") {
        if (!pastAnchor) {
          expect(next?.type, s.id).toBe("canceled");
          expect((next?.occurredAt.getTime() ?? NaN) - end).toBeLessThanOrEqual(30 * MINUTE);
        }
        continue;
      }
      const kind = s.offer?.kind;
      if (kind === "pause") expect(next?.type, s.id).toBe("paused");
      if (kind === "downgrade") expect(next?.type, s.id).toBe("contraction");
      if (kind === "pause" || kind === "downgrade") expect((next?.occurredAt.getTime() ?? NaN) - end).toBe(MINUTE);
      if (kind === "pause") expect(s.offer?.months).toBeGreaterThanOrEqual(1);
      const before = (eventsOf.get(s.accountId) ?? []).filter((e) => e.occurredAt.getTime() < end);
      expect(stateAfter(before[before.length - 1]?.type ?? "trial_started"), s.id).toBe("active");
    }
  });

  it("runs each session on the version its account's segment matched when it started, enterprise on its own flow", () => {
    const defaultFlow = flows.find((f) => f.isDefault);
    const enterpriseFlow = flows.find((f) => !f.isDefault);
    expect(defaultFlow && enterpriseFlow).toBeTruthy();
    const defaults = versions.filter((v) => v.flowId === defaultFlow?.id);
    expect(defaults.length).toBeGreaterThanOrEqual(2);
    for (const v of defaults.filter((x) => x.version > 1)) expect(v.changes.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.createdBy === "usr_demo_admin")).toBe(true);
    expect(versions.find((v) => v.flowId === enterpriseFlow?.id)?.segments).toEqual(["enterprise"]);

    const used = new Set<string>();
    for (const s of sessions) {
      const flowId = segmentOf.get(s.accountId) === "enterprise" ? enterpriseFlow?.id : defaultFlow?.id;
      const live = versions
        .filter((v) => v.flowId === flowId && v.createdAt <= s.createdAt)
        .sort((a, b) => b.version - a.version)[0];
      expect(s.flowVersionId, s.id).toBe(live?.id);
      used.add(s.flowVersionId);
      // The offer shown is the one that version gives for the reason.
      if ((s.status === "saved" || s.status === "canceled") && live && s.reasonCode !== NO_ANSWER_REASON) {
        expect(s.offer?.kind ?? "none", s.id).toBe(offerFor(live.content, s.reasonCode).kind);
      }
    }
    // Every version was live for some session, the enterprise flow included.
    expect(used).toEqual(new Set(versions.map((v) => v.id)));
    const enterprise = sessions.filter((s) => segmentOf.get(s.accountId) === "enterprise");
    expect(enterprise.length).toBeGreaterThan(3);
  });
});

describe("reset", () => {
  it("clears the flows, their versions and the sessions with the rest, so a preset loads again", async () => {
    const other = await createTestDb();
    try {
      const small = () => generateDemo({ seed: 3, accounts: 300, anchor, cancelFlow: true });
      await loadDataset(other.db, small());
      expect(await other.db.$count(cancelSessions)).toBeGreaterThan(0);
      await resetData(other.db);
      expect(await other.db.$count(cancelSessions)).toBe(0);
      expect(await other.db.$count(cancelFlowVersions)).toBe(0);
      expect(await other.db.$count(cancelFlows)).toBe(0);
      await loadDataset(other.db, small());
      expect(await other.db.$count(cancelFlows)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
