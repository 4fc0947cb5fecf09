// A cancel session's life on a real database, with an injected clock: every step and every move
// between them, Cancel from each step, the refusals (another step, a required question left empty,
// a pause out of range, a second finish), the answer and the webhook a finished session writes once,
// previews counted nowhere, and links past their time refused before and after the job ends them.
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cancelSessions, cancellationResponses, healthStale, webhookDeliveries } from "@/db/schema";
import type { CancelAction, CancelStepResult } from "@/db/queries/cancel-sessions";
import {
  CANCEL_LINK_HOURS,
  applyCancelAction,
  cancelSessionById,
  cancelSessionByToken,
  cancelSessionWire,
  endStaleCancelSessions,
  openCancelSession,
  responseExternalId,
} from "@/db/queries/cancel-sessions";
import { createWebhookEndpoint, setWebhookEnabled } from "@/db/queries/webhooks";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import type { CancelStep } from "@/lib/values";
import { setupTestDb, setupTestDbPerTest } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { TALK_URL, ensureTestDefaultFlow, startSession } from "@/test/cancel-flow-fixture";

const t = setupTestDb();

const T0 = new Date("2026-03-02T12:00:00.000Z");
/** `minutes` after T0. */
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A new account with a live session made at T0 and opened at T0 + 1 min. */
async function opened(db: Db = t.db) {
  await ensureTestDefaultFlow(db);
  const [account = ""] = await makeAccounts(db, 1, "cs-life");
  const made = await startSession(db, account, T0);
  const state = await openCancelSession(db, made.token, at(1));
  expect(state.kind).toBe("live");
  return { account, ...made };
}

const stepOf = (result: CancelStepResult) =>
  result.state.kind === "unknown" ? null : result.state.loaded.session.step;

/** Applies an action on the step the test believes the session is on, at `minute`. */
async function act(token: string, action: CancelAction, expected: CancelStep | null, minute = 2, db: Db = t.db) {
  return applyCancelAction(db, token, action, expected, at(minute));
}

/** The moves that bring a new session to `step` after choosing `reason` (loss → reason → …). */
async function walkTo(token: string, step: CancelStep, reason = "missing_features") {
  if (step === "loss") return;
  expect(stepOf(await act(token, { kind: "continue" }, "loss"))).toBe("reason");
  if (step === "reason") return;
  const afterReason = stepOf(await act(token, { kind: "reason", code: reason }, "reason"));
  if (step === afterReason) return;
  if (afterReason === "follow_up") {
    const next = stepOf(await act(token, { kind: "follow_up", text: "SSO" }, "follow_up"));
    if (step === next) return;
  }
  expect(stepOf(await act(token, { kind: "decline" }, "offer"))).toBe("confirm");
  expect(step).toBe("confirm");
}

const responsesOf = (sessionId: string, db: Db = t.db) =>
  db
    .select()
    .from(cancellationResponses)
    .where(eq(cancellationResponses.externalId, responseExternalId(sessionId)));

const rowOf = async (id: string, db: Db = t.db) => {
  const [row] = await db.select().from(cancelSessions).where(eq(cancelSessions.id, id));
  if (!row) throw new Error(`no session ${id}`);
  return row;
};

describe("walking a session", () => {
  it("goes loss → reason → follow_up → offer → confirm → goodbye and ends canceled with one answer", async () => {
    const s = await opened();
    expect((await rowOf(s.id)).step).toBe("loss");
    expect(stepOf(await act(s.token, { kind: "continue" }, "loss"))).toBe("reason");
    expect(stepOf(await act(s.token, { kind: "reason", code: "missing_features" }, "reason"))).toBe("follow_up");
    expect(stepOf(await act(s.token, { kind: "follow_up", text: "  SSO for our team  " }, "follow_up"))).toBe("offer");
    expect(stepOf(await act(s.token, { kind: "decline" }, "offer"))).toBe("confirm");
    const end = await act(s.token, { kind: "confirm" }, "confirm", 7);
    expect(end.ok).toBe(true);
    expect(end.state.kind).toBe("ended");
    const row = await rowOf(s.id);
    expect(row).toMatchObject({
      status: "canceled",
      step: "goodbye",
      stepsSeen: ["loss", "reason", "follow_up", "offer", "confirm", "goodbye"],
      reasonCode: "missing_features",
      freeText: "SSO for our team",
      offer: { kind: "talk_to_us" },
      offerAccepted: false,
      openedAt: at(1),
      endedAt: at(7),
    });
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({
        reasonCode: "missing_features",
        freeText: "SSO for our team",
        offerShown: "talk_to_us",
        offerAccepted: false,
        outcome: "canceled",
        submittedAt: at(7),
      }),
    ]);
  });

  it("goes back one step at a time, to the question only when the reason has one", async () => {
    const s = await opened();
    await walkTo(s.token, "confirm", "missing_features");
    expect(stepOf(await act(s.token, { kind: "back" }, "confirm"))).toBe("offer");
    expect(stepOf(await act(s.token, { kind: "back" }, "offer"))).toBe("follow_up");
    expect(stepOf(await act(s.token, { kind: "back" }, "follow_up"))).toBe("reason");
    expect(stepOf(await act(s.token, { kind: "back" }, "reason"))).toBe("loss");
    // A reason with no question: the offer goes back to the reasons.
    await walkTo(s.token, "offer", "too_expensive");
    expect(stepOf(await act(s.token, { kind: "back" }, "offer"))).toBe("reason");
    // A reason with a question and no offer: confirm goes back to the question.
    expect(stepOf(await act(s.token, { kind: "reason", code: "switched_service" }, "reason"))).toBe("follow_up");
    expect(stepOf(await act(s.token, { kind: "follow_up", text: "" }, "follow_up"))).toBe("confirm");
    expect(stepOf(await act(s.token, { kind: "back" }, "confirm"))).toBe("follow_up");
    // Choosing another reason forgets the last one's words and offer.
    expect(stepOf(await act(s.token, { kind: "back" }, "follow_up"))).toBe("reason");
    expect(stepOf(await act(s.token, { kind: "reason", code: "other" }, "reason"))).toBe("follow_up");
    expect(await rowOf(s.id)).toMatchObject({ reasonCode: "other", freeText: null, offer: null, status: "open" });
  });

  it("accepts a pause of 1 to 3 months and refuses any other number, staying on the offer", async () => {
    const s = await opened();
    await walkTo(s.token, "offer", "unused");
    for (const months of [0, 4, 1.5, -1, undefined]) {
      const refused = await act(s.token, { kind: "accept", months }, "offer");
      expect({ months, ok: refused.ok, reason: refused.ok ? null : refused.reason }).toEqual({
        months,
        ok: false,
        reason: "invalid",
      });
    }
    expect((await rowOf(s.id)).step).toBe("offer");
    expect(await responsesOf(s.id)).toEqual([]);
    const saved = await act(s.token, { kind: "accept", months: 2 }, "offer", 5);
    expect(saved.ok && saved.state.kind).toBe("ended");
    expect(await rowOf(s.id)).toMatchObject({
      status: "saved",
      offer: { kind: "pause", months: 2 },
      offerAccepted: true,
    });
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({ reasonCode: "unused", offerShown: "pause", offerAccepted: true, outcome: "paused" }),
    ]);
  });

  it("accepts a discount (saved) and a downgrade (downgraded)", async () => {
    const cases = [
      ["too_expensive", { kind: "discount", percent: 25, months: 3 }, "discount", "saved"],
      ["too_complex", { kind: "downgrade", plan: "Starter" }, "downgrade", "downgraded"],
    ] as const;
    for (const [reason, offer, shown, outcome] of cases) {
      const s = await opened();
      await walkTo(s.token, "offer", reason);
      expect((await act(s.token, { kind: "accept" }, "offer")).ok).toBe(true);
      expect(await rowOf(s.id)).toMatchObject({ status: "saved", offer, offerAccepted: true });
      expect(await responsesOf(s.id)).toEqual([
        expect.objectContaining({ reasonCode: reason, offerShown: shown, offerAccepted: true, outcome }),
      ]);
    }
  });

  it("saves the session when the customer follows talk_to_us's link, and sends the browser there", async () => {
    const s = await opened();
    await walkTo(s.token, "offer", "missing_features");
    // Accept is not talk's button.
    expect(await act(s.token, { kind: "accept" }, "offer")).toMatchObject({ ok: false, reason: "wrong-step" });
    const talk = await act(s.token, { kind: "talk" }, "offer");
    expect(talk).toMatchObject({ ok: true, redirect: TALK_URL });
    expect(await rowOf(s.id)).toMatchObject({ status: "saved", offer: { kind: "talk_to_us" }, offerAccepted: true });
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({ offerShown: "talk_to_us", offerAccepted: true, outcome: "saved" }),
    ]);
  });

  it("declines an offer to the confirm step, where the offer stays recorded as shown", async () => {
    const s = await opened();
    await walkTo(s.token, "offer", "too_expensive");
    expect(stepOf(await act(s.token, { kind: "decline" }, "offer"))).toBe("confirm");
    await act(s.token, { kind: "confirm" }, "confirm");
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({ reasonCode: "too_expensive", offerShown: "discount", offerAccepted: false }),
    ]);
  });
});

describe("Cancel", () => {
  const cases: [CancelStep, string, string][] = [
    // [step, the reason chosen on the way, the reason code recorded]
    ["loss", "missing_features", "no_answer"],
    ["reason", "missing_features", "no_answer"],
    ["follow_up", "missing_features", "missing_features"],
    ["offer", "too_expensive", "too_expensive"],
    ["confirm", "switched_service", "switched_service"],
  ];

  it.each(cases)("ends the session canceled from %s with nothing more asked", async (step, reason, recorded) => {
    const s = await opened();
    await walkTo(s.token, step, reason);
    expect((await rowOf(s.id)).step).toBe(step);
    // Cancel works whatever step the page thought it was on.
    const end = await act(s.token, { kind: "cancel" }, "goodbye", 9);
    expect(end.ok && end.state.kind).toBe("ended");
    expect(await rowOf(s.id)).toMatchObject({
      status: "canceled",
      step: "goodbye",
      reasonCode: recorded,
      endedAt: at(9),
    });
    const answers = await responsesOf(s.id);
    expect(answers).toEqual([
      expect.objectContaining({ reasonCode: recorded, outcome: "canceled", submittedAt: at(9) }),
    ]);
  });

  it("before the page was ever opened still records no_answer and opens the session at the same time", async () => {
    await ensureTestDefaultFlow(t.db);
    const [account = ""] = await makeAccounts(t.db, 1, "cs-cancel");
    const s = await startSession(t.db, account, T0);
    expect((await act(s.token, { kind: "cancel" }, null, 3)).ok).toBe(true);
    expect(await rowOf(s.id)).toMatchObject({ status: "canceled", reasonCode: "no_answer", openedAt: at(3) });
  });
});

describe("refusals", () => {
  it("refuses an action for another step than the session's, and an unknown reason", async () => {
    const s = await opened();
    // The page believed it was on reason while the session is on loss (a second tab).
    expect(await act(s.token, { kind: "reason", code: "unused" }, "reason")).toMatchObject({
      ok: false,
      reason: "wrong-step",
    });
    // Actions that belong to other steps, sent for the step the session is on.
    for (const action of [
      { kind: "reason", code: "unused" },
      { kind: "follow_up", text: "x" },
      { kind: "accept", months: 1 },
      { kind: "decline" },
      { kind: "confirm" },
      { kind: "talk" },
    ] satisfies CancelAction[]) {
      expect(await act(s.token, action, "loss"), action.kind).toMatchObject({ ok: false, reason: "wrong-step" });
    }
    await walkTo(s.token, "reason");
    expect(await act(s.token, { kind: "continue" }, "reason")).toMatchObject({ ok: false, reason: "wrong-step" });
    expect(await act(s.token, { kind: "reason", code: "made_up" }, "reason")).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(await rowOf(s.id)).toMatchObject({ step: "reason", reasonCode: null, status: "open" });
  });

  it("refuses a required question left empty (or blank), and takes an optional one empty", async () => {
    const s = await opened();
    await walkTo(s.token, "follow_up", "missing_features");
    for (const text of ["", "   \n "]) {
      const refused = await act(s.token, { kind: "follow_up", text }, "follow_up");
      expect(refused).toMatchObject({ ok: false, reason: "invalid" });
      expect(refused.ok ? null : refused.problem).toEqual({ kind: "answer-required" });
    }
    expect((await rowOf(s.id)).step).toBe("follow_up");
    expect(stepOf(await act(s.token, { kind: "back" }, "follow_up"))).toBe("reason");
    await act(s.token, { kind: "reason", code: "switched_service" }, "reason");
    expect(stepOf(await act(s.token, { kind: "follow_up", text: " " }, "follow_up"))).toBe("confirm");
    expect((await rowOf(s.id)).freeText).toBeNull();
  });

  it("refuses a second finish, and the session keeps exactly one answer", async () => {
    const s = await opened();
    await walkTo(s.token, "confirm", "switched_service");
    expect((await act(s.token, { kind: "confirm" }, "confirm", 4)).ok).toBe(true);
    for (const action of [{ kind: "confirm" }, { kind: "cancel" }, { kind: "back" }] satisfies CancelAction[]) {
      expect(await act(s.token, action, "confirm", 5)).toMatchObject({ ok: false, reason: "ended" });
    }
    expect(await responsesOf(s.id)).toHaveLength(1);
    expect(await rowOf(s.id)).toMatchObject({ status: "canceled", endedAt: at(4) });
  });

  it("refuses an unknown token", async () => {
    expect(await act("not-a-token", { kind: "cancel" }, null)).toMatchObject({ ok: false, reason: "unknown" });
    expect((await cancelSessionByToken(t.db, "not-a-token")).kind).toBe("unknown");
  });
});

describe("links past their time", () => {
  it("a link never opened by expiresAt is refused before the job runs, and the job marks it expired", async () => {
    await ensureTestDefaultFlow(t.db);
    const [account = ""] = await makeAccounts(t.db, 1, "cs-expired");
    const s = await startSession(t.db, account, T0);
    // expiresAt = T0 + 60 min: live a minute before, refused at it.
    expect((await cancelSessionByToken(t.db, s.token, at(59))).kind).toBe("live");
    expect((await cancelSessionByToken(t.db, s.token, at(60))).kind).toBe("expired");
    expect((await openCancelSession(t.db, s.token, at(61))).kind).toBe("expired");
    expect(await act(s.token, { kind: "cancel" }, null, 61)).toMatchObject({ ok: false, reason: "expired" });
    // Opening it late recorded nothing.
    expect(await rowOf(s.id)).toMatchObject({ status: "open", openedAt: null });
    await endStaleCancelSessions(t.db, at(62));
    expect(await rowOf(s.id)).toMatchObject({ status: "expired", endedAt: at(62) });
    expect(await responsesOf(s.id)).toEqual([]);
  });

  it("a link opened and left 24 h is refused before the job runs, and the job marks it abandoned", async () => {
    const s = await opened();
    await walkTo(s.token, "offer", "too_expensive");
    // Opened at T0 + 1 min: live until T0 + 1 min + 24 h, whatever expiresAt says.
    const day = CANCEL_LINK_HOURS * 60;
    expect((await cancelSessionByToken(t.db, s.token, at(1 + day - 1))).kind).toBe("live");
    expect((await cancelSessionByToken(t.db, s.token, at(1 + day))).kind).toBe("expired");
    expect(await act(s.token, { kind: "accept" }, "offer", 1 + day)).toMatchObject({ ok: false, reason: "expired" });
    // The job a minute early leaves it open; on time it ends it abandoned, with no answer.
    await endStaleCancelSessions(t.db, at(day));
    expect((await rowOf(s.id)).status).toBe("open");
    await endStaleCancelSessions(t.db, at(1 + day));
    expect(await rowOf(s.id)).toMatchObject({ status: "abandoned", endedAt: at(1 + day) });
    expect(await responsesOf(s.id)).toEqual([]);
    expect((await cancelSessionByToken(t.db, s.token, at(2 + day))).kind).toBe("expired");
  });

  describe("the sweep", () => {
    const own = setupTestDbPerTest();

    it("counts what it ended: one expired, one abandoned, the rest untouched", async () => {
      await ensureTestDefaultFlow(own.db);
      const accounts = await makeAccounts(own.db, 5, "cs-sweep");
      const [a = "", b = "", c = "", d = "", e = ""] = accounts;
      const neverOpened = await startSession(own.db, a, T0); // expires at T0 + 60
      const notYetDue = await startSession(own.db, b, at(1420)); // expires at T0 + 1480
      const left = await startSession(own.db, c, T0);
      await openCancelSession(own.db, left.token, at(5)); // abandoned from T0 + 5 + 24 h
      const recent = await startSession(own.db, d, T0);
      await openCancelSession(own.db, recent.token, at(20)); // live until T0 + 20 + 24 h
      const done = await startSession(own.db, e, T0);
      await applyCancelAction(own.db, done.token, { kind: "cancel" }, null, at(2));
      // At T0 + 24 h 10 min (1450): a expired (60 ≤ 1450), b open (1480 > 1450), c abandoned
      // (5 + 1440 ≤ 1450), d open (20 + 1440 > 1450), e stays canceled.
      expect(await endStaleCancelSessions(own.db, at(1450))).toEqual({ expired: 1, abandoned: 1 });
      const status = async (id: string) => (await rowOf(id, own.db)).status;
      expect(await Promise.all([neverOpened, notYetDue, left, recent, done].map((s) => status(s.id)))).toEqual([
        "expired",
        "open",
        "abandoned",
        "open",
        "canceled",
      ]);
      // Run again: nothing more to end.
      expect(await endStaleCancelSessions(own.db, at(1451))).toEqual({ expired: 0, abandoned: 0 });
      expect(await own.db.$count(cancellationResponses)).toBe(1);
    });
  });
});

describe("what a finished session tells", () => {
  const own = setupTestDbPerTest();

  async function endpoints(db: Db) {
    const make = (events: ("cancel_session.completed" | "account.entered_queue")[]) =>
      createWebhookEndpoint(db, { url: "https://hooks.example.com/h", events }, SYSTEM_ACTOR, T0);
    const subscribed = await make(["cancel_session.completed"]);
    const both = await make(["account.entered_queue", "cancel_session.completed"]);
    const disabled = await make(["cancel_session.completed"]);
    await setWebhookEnabled(db, disabled.id, false, SYSTEM_ACTOR);
    const other = await make(["account.entered_queue"]);
    return { subscribed, both, disabled, other };
  }

  const deliveriesOf = (db: Db, sessionId: string) =>
    db
      .select()
      .from(webhookDeliveries)
      .where(sql`${webhookDeliveries.data}->>'id' = ${sessionId}`);

  it("queues one cancel_session.completed per subscribed enabled endpoint with the session's wire form", async () => {
    const { subscribed, both } = await endpoints(own.db);
    const s = await opened(own.db);
    await acceptPause(own.db, s.token);
    const deliveries = await deliveriesOf(own.db, s.id);
    // Two endpoints are enabled and subscribed: two deliveries, one each.
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([subscribed.id, both.id].sort());
    const expected = {
      id: s.id,
      accountExternalId: s.account,
      status: "saved",
      flowVersion: 1,
      variant: null,
      reasonCode: "unused",
      freeText: null,
      offer: { kind: "pause", months: 3 },
      startedAt: at(1).toISOString(),
      endedAt: at(6).toISOString(),
    };
    for (const d of deliveries)
      expect({ type: d.eventType, data: d.data }).toEqual({
        type: "cancel_session.completed",
        data: expected,
      });
    const loaded = await cancelSessionById(own.db, s.id);
    expect(loaded && cancelSessionWire(loaded)).toEqual(expected);
    // The account's health is marked for re-scoring in the same transaction.
    expect(await own.db.$count(healthStale, eq(healthStale.accountId, s.account))).toBe(1);
  });

  it("a preview session writes no answer, queues no delivery and marks no health, whatever it ends as", async () => {
    await endpoints(own.db);
    await ensureTestDefaultFlow(own.db);
    const [account = ""] = await makeAccounts(own.db, 1, "cs-preview");
    const saved = await startSession(own.db, account, T0, { preview: true });
    await openCancelSession(own.db, saved.token, at(1));
    await acceptPause(own.db, saved.token);
    const canceled = await startSession(own.db, account, T0, { preview: true });
    expect((await applyCancelAction(own.db, canceled.token, { kind: "cancel" }, null, at(2))).ok).toBe(true);
    expect((await rowOf(saved.id, own.db)).status).toBe("saved");
    expect((await rowOf(canceled.id, own.db)).status).toBe("canceled");
    expect(await own.db.$count(cancellationResponses)).toBe(0);
    expect(await own.db.$count(webhookDeliveries)).toBe(0);
    expect(await own.db.$count(healthStale)).toBe(0);
    expect(
      await own.db.$count(cancelSessions, and(eq(cancelSessions.accountId, account), eq(cancelSessions.preview, true))),
    ).toBe(2);
  });
});

/** loss → reason (unused) → offer → accept a 3-month pause at T0 + 6 min. */
async function acceptPause(db: Db, token: string) {
  await applyCancelAction(db, token, { kind: "continue" }, "loss", at(2));
  await applyCancelAction(db, token, { kind: "reason", code: "unused" }, "reason", at(3));
  const end = await applyCancelAction(db, token, { kind: "accept", months: 3 }, "offer", at(6));
  expect(end.ok && end.state.kind).toBe("ended");
}
