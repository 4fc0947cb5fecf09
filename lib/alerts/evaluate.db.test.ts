// Alert rules against a real database: each trigger fires once per account and occurrence, and again
// only after its condition cleared; filters; round-robin in the rule's order; assign makes or updates
// the live triage item and never changes the owner; notifications follow each user's choice, e-mail
// only for "immediately", and a Slack post per firing. Every database is the test's own (a rule
// looks at every account).
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createAlertRule } from "@/db/queries/alert-rules";
import { addToQueue } from "@/db/queries/triage-items";
import { createUser } from "@/db/queries/users";
import {
  accounts,
  alertFirings,
  auditLog,
  healthScores,
  jobs,
  messageDeliveries,
  notificationPreferences,
  notifications,
  signals,
  triageItems,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { ensureHealthJobs, rescoreStale } from "@/lib/health/jobs";
import { runDueJobs } from "@/lib/jobs/worker";
import { emailNotificationJob } from "@/lib/notify/immediate";
import type { AlertActions, AlertRuleInput, AlertTrigger } from "@/lib/types/alerts";
import type { Role } from "@/lib/values";
import { insertSessionRows } from "@/test/cancel-flow-fixture";
import { setupTestDbPerTest } from "@/test/db";
import { makeAccounts, uniqueEmail } from "@/test/factories";
import { insertAccounts } from "@/test/fixtures";

// E-mail is configured (nothing is sent here: the messages wait in the queue for lib/notify/send).
vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
vi.stubEnv("PUBLIC_URL", "https://holdfast.example.com");

const t = setupTestDbPerTest();
const NOW = new Date("2026-03-20T10:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const noActions: AlertActions = {
  assign: { mode: "none" },
  followUpDays: null,
  notify: { assignee: false, roles: [], userIds: [] },
  slackUrl: null,
};

function rule(trigger: AlertTrigger, over: Partial<AlertRuleInput> = {}): AlertRuleInput {
  return {
    name: "Test rule",
    enabled: true,
    trigger,
    filters: { minMrrCents: null, segment: null, plan: null },
    actions: noActions,
    ...over,
  };
}

async function user(db: Db, role: Role, name: string) {
  return createUser(db, { email: uniqueEmail(name), name, role, password: "alerts-password-0123" }, SYSTEM_ACTOR);
}

async function setScore(db: Db, accountId: string, score: number, weekAgo: number) {
  await db
    .insert(healthScores)
    .values({ accountId, score, scoreWeekAgo: weekAgo, components: [], reasons: [], computedAt: NOW })
    .onConflictDoUpdate({ target: healthScores.accountId, set: { score, scoreWeekAgo: weekAgo } });
}

const firings = (db: Db) =>
  db
    .select({
      accountId: alertFirings.accountId,
      key: alertFirings.conditionKey,
      assigneeId: alertFirings.assigneeId,
      detail: alertFirings.detail,
      clearedAt: alertFirings.clearedAt,
    })
    .from(alertFirings)
    .orderBy(alertFirings.id);

describe("alert rules", () => {
  it("fires once per account while health stays down, again only after it recovered, within the MRR filter", async () => {
    const db = t.db;
    // big pays $500, small $50: the rule looks at $100 and up. big fell 20 points, flat 5.
    const [big = "", small = "", flat = ""] = await makeAccounts(db, 3, "hd");
    for (const [id, mrr] of [
      [big, 50_000],
      [small, 5_000],
      [flat, 50_000],
    ] as const)
      await db.update(accounts).set({ mrrCents: mrr, status: "active" }).where(eq(accounts.id, id));
    await setScore(db, big, 40, 60);
    await setScore(db, small, 30, 55);
    await setScore(db, flat, 70, 75);
    await createAlertRule(
      db,
      rule({ kind: "health_drop", points: 10 }, { filters: { minMrrCents: 10_000, segment: null, plan: null } }),
      SYSTEM_ACTOR,
    );

    await evaluateAlerts(db, NOW);
    expect(await firings(db)).toEqual([
      {
        accountId: big,
        key: "",
        assigneeId: null,
        detail: "Health fell 20 points in 7 days, from 60 to 40",
        clearedAt: null,
      },
    ]);
    // Still down an hour later: nothing new.
    await evaluateAlerts(db, at(1 / 24));
    expect(await firings(db)).toHaveLength(1);
    // Back up (a 2-point drop): the firing clears.
    await setScore(db, big, 58, 60);
    await evaluateAlerts(db, at(1));
    expect((await firings(db)).map((f) => f.clearedAt)).toEqual([at(1)]);
    // Down again: it fires again.
    await setScore(db, big, 45, 60);
    await evaluateAlerts(db, at(2));
    const after = await firings(db);
    expect(after.map((f) => [f.accountId, f.clearedAt])).toEqual([
      [big, at(1)],
      [big, null],
    ]);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, "alert.fired"));
    expect(audited).toHaveLength(2);
    expect(audited[0]?.actorLabel).toBe("alert rule “Test rule”");
  });

  it("measures a drop in the whole points its words show, halves rounded up", async () => {
    const db = t.db;
    // near: 81.67 → 72.5 reads 82 → 73, a drop of 9 (a round half to even would read 72 and 10);
    // at: 81.5 → 71.5 reads 82 → 72, a drop of exactly 10.
    const [near = "", exact = ""] = await makeAccounts(db, 2, "hd-round");
    await setScore(db, near, 72.5, 81.67);
    await setScore(db, exact, 71.5, 81.5);
    await createAlertRule(db, rule({ kind: "health_drop", points: 10 }), SYSTEM_ACTOR);
    await evaluateAlerts(db, NOW);
    expect((await firings(db)).map((f) => [f.accountId, f.detail])).toEqual([
      [exact, "Health fell 10 points in 7 days, from 82 to 72"],
    ]);
  });

  it("assigns in turn in the rule's order, makes or updates the live item, and never changes the owner", async () => {
    const db = t.db;
    const owner = await user(db, "cs", "Owner");
    const [ann, bob, cy] = [await user(db, "cs", "Ann"), await user(db, "cs", "Bob"), await user(db, "cs", "Cy")];
    // Four trials ending within 7 days, one in 10 days (not yet), one converted.
    // Fixed ids (this database is the test's own), so the accounts' order is a, b, c, …
    const ids = ["tr-a", "tr-b", "tr-c", "tr-d", "tr-e", "tr-f"];
    await insertAccounts(
      db,
      ids.map((id) => ({ id, events: [["2026-03-10T00:00:00Z", "trial_started"]] })),
    );
    const ends = [2, 3, 4, 6, 10, 5];
    for (const [i, id] of ids.entries())
      await db
        .update(accounts)
        .set({ trialEndsAt: at(ends[i] ?? 0), ownerId: owner.id, status: i === 5 ? "active" : "trial" })
        .where(eq(accounts.id, id));
    // tr-b already has a live conversion item, added by hand and given to the owner.
    await addToQueue(db, { ...owner, role: "cs" }, [ids[1] ?? ""], SYSTEM_ACTOR);
    const ruleId = await createAlertRule(
      db,
      rule(
        { kind: "trial_ending", days: 7 },
        {
          name: "Trial ending",
          actions: { ...noActions, assign: { mode: "round_robin", userIds: [bob.id, ann.id, cy.id] }, followUpDays: 2 },
        },
      ),
      SYSTEM_ACTOR,
    );

    await evaluateAlerts(db, NOW);
    // Firings in account order: bob, ann, cy, bob.
    expect((await firings(db)).map((f) => [f.accountId, f.assigneeId])).toEqual([
      [ids[0], bob.id],
      [ids[1], ann.id],
      [ids[2], cy.id],
      [ids[3], bob.id],
    ]);
    const items = await db
      .select({
        accountId: triageItems.accountId,
        kind: triageItems.kind,
        source: triageItems.source,
        assigneeId: triageItems.assigneeId,
        reasons: triageItems.reasons,
        followUp: triageItems.nextFollowUpOn,
      })
      .from(triageItems)
      .orderBy(triageItems.accountId);
    expect(items).toEqual([
      {
        accountId: ids[0],
        kind: "conversion",
        source: "alert",
        assigneeId: bob.id,
        reasons: ["Trial ending"],
        followUp: "2026-03-22",
      },
      // The hand-made item is updated: the rule's assignee, its name first among the reasons.
      expect.objectContaining({ accountId: ids[1], source: "manual", assigneeId: ann.id, followUp: "2026-03-22" }),
      expect.objectContaining({ accountId: ids[2], source: "alert", assigneeId: cy.id }),
      expect.objectContaining({ accountId: ids[3], source: "alert", assigneeId: bob.id }),
    ]);
    expect(items[1]?.reasons[0]).toBe("Trial ending");
    // Owners are untouched.
    const owners = await db.select({ ownerId: accounts.ownerId }).from(accounts);
    expect(new Set(owners.map((o) => o.ownerId))).toEqual(new Set([owner.id]));

    // Four days on, tr-e (10 days out then) is within 7: the turn goes on from where it stopped — Ann.
    await evaluateAlerts(db, at(4));
    const open = await db
      .select({ accountId: alertFirings.accountId, assigneeId: alertFirings.assigneeId })
      .from(alertFirings)
      .where(and(eq(alertFirings.ruleId, ruleId), isNull(alertFirings.clearedAt)));
    expect(open).toContainEqual({ accountId: ids[4], assigneeId: ann.id });
  });

  it("tells the people named by their own choice: e-mail only for 'immediately', nothing when off, one Slack post per firing", async () => {
    const db = t.db;
    const manager = await user(db, "manager", "Mia");
    const digest = await user(db, "cs", "Dee");
    const off = await user(db, "cs", "Otto");
    await db.insert(notificationPreferences).values([
      { userId: digest.id, kind: "alert", delivery: "digest" },
      { userId: off.id, kind: "alert", delivery: "off" },
    ]);
    await insertSessionRows(db, [
      {
        status: "canceled",
        created: "2026-03-19T09:00:00Z",
        ended: "2026-03-19T09:05:00Z",
        reasonCode: "too_expensive",
      },
      // Ended 8 days ago: older than a new rule looks back.
      { status: "canceled", created: "2026-03-12T09:00:00Z", ended: "2026-03-12T09:05:00Z" },
      { status: "saved", created: "2026-03-19T09:00:00Z", ended: "2026-03-19T09:05:00Z" },
    ]);
    await createAlertRule(
      db,
      rule(
        { kind: "cancel_canceled" },
        {
          name: "Cancelled",
          actions: {
            ...noActions,
            notify: { assignee: false, roles: ["cs"], userIds: [manager.id] },
            slackUrl: "https://hooks.slack.example/services/T0/B0/secret",
          },
        },
      ),
      SYSTEM_ACTOR,
    );

    await evaluateAlerts(db, NOW);
    const inbox = await db
      .select({
        userId: notifications.userId,
        title: notifications.title,
        body: notifications.body,
        href: notifications.href,
      })
      .from(notifications)
      .orderBy(notifications.userId);
    expect(inbox.map((n) => n.userId).sort()).toEqual([digest.id, manager.id].sort());
    expect(inbox[0]?.body).toBe("Cancelled on the cancel page on 19 Mar 2026, giving “too_expensive”");
    expect(inbox[0]?.href).toMatch(/^\/accounts\/cs-acct-\d+$/);
    // The manager wants alerts immediately: an e-mail job; Dee's waits for her digest. One Slack post.
    const queued = await db.select({ kind: jobs.kind }).from(jobs).orderBy(jobs.kind);
    // Saving the rule queued a round of its own (run here by hand); the round queued the rest.
    expect(queued.map((j) => j.kind)).toEqual(["alerts.evaluate", "notifications.email", "slack.post"]);
    await runDueJobs(db, {
      workerId: "test",
      handlers: { "notifications.email": emailNotificationJob },
      now: NOW,
      kinds: ["notifications.email"],
    });
    const sent = await db
      .select({
        channel: messageDeliveries.channel,
        recipient: messageDeliveries.recipient,
        id: messageDeliveries.id,
        subject: messageDeliveries.subject,
      })
      .from(messageDeliveries)
      .orderBy(messageDeliveries.channel);
    expect(sent.map((m) => [m.channel, m.recipient])).toEqual([
      ["email", manager.email],
      ["slack", "hooks.slack.example/services/T0/B0/…"],
    ]);
    expect(sent[0]?.id).toMatch(/^<notification-\d+@holdfast\.example\.com>$/);
    expect(sent[0]?.subject).toMatch(/^Cancelled: cs-acct-\d+$/);
    const [email] = await db
      .select({ message: messageDeliveries.message })
      .from(messageDeliveries)
      .where(eq(messageDeliveries.channel, "email"));
    expect(JSON.stringify(email?.message)).toContain("Cancelled\\n\\nAn alert rule fired on an account:");

    // The next round finds the same session: nothing new for anyone.
    await evaluateAlerts(db, at(1 / 24));
    expect(await db.$count(notifications)).toBe(2);
    expect(await db.$count(messageDeliveries)).toBe(2);
  });

  it("fires on a payment failed long enough ago, and clears when it is recovered", async () => {
    const db = t.db;
    const [late = "", recent = ""] = await makeAccounts(db, 2, "pf", {
      events: [["2025-06-01T00:00:00Z", "converted", 10_000]],
    });
    await db.insert(signals).values([
      { accountId: late, kind: "payment_failed", occurredAt: at(-5) },
      { accountId: recent, kind: "payment_failed", occurredAt: at(-1) },
    ]);
    await createAlertRule(db, rule({ kind: "payment_failed", days: 3 }), SYSTEM_ACTOR);
    await evaluateAlerts(db, NOW);
    expect((await firings(db)).map((f) => [f.accountId, f.key, f.detail])).toEqual([
      [late, at(-5).toISOString(), "A payment failed on 15 Mar 2026 (5 days ago) and has not been recovered"],
    ]);
    await db.insert(signals).values({ accountId: late, kind: "payment_recovered", occurredAt: at(-0.5) });
    // recent's failure is 3 days old by now; late's was recovered.
    await evaluateAlerts(db, at(2));
    expect((await firings(db)).map((f) => [f.accountId, f.clearedAt])).toEqual([
      [late, at(2)],
      [recent, null],
    ]);
  });

  it("fires on each item entering the queue and on a cancel page left without cancelling, in words", async () => {
    const db = t.db;
    const admin = await user(db, "admin", "Ada");
    const [queued = ""] = await makeAccounts(db, 1, "eq", { events: [["2025-06-01T00:00:00Z", "converted", 10_000]] });
    await addToQueue(db, admin, [queued], SYSTEM_ACTOR);
    // Added the day before the rule's round.
    await db.update(triageItems).set({ createdAt: at(-1) });
    await insertSessionRows(db, [
      {
        status: "saved",
        created: "2026-03-18T09:00:00Z",
        ended: "2026-03-18T09:03:00Z",
        offer: { kind: "pause", months: 2 },
        offerAccepted: true,
      },
      { status: "abandoned", created: "2026-03-17T09:00:00Z", ended: "2026-03-18T09:00:00Z" },
    ]);
    const queueRule = await createAlertRule(db, rule({ kind: "entered_queue" }), SYSTEM_ACTOR);
    const leftRule = await createAlertRule(db, rule({ kind: "cancel_page_left" }), SYSTEM_ACTOR);
    await evaluateAlerts(db, NOW);
    const rows = await db
      .select({ ruleId: alertFirings.ruleId, detail: alertFirings.detail })
      .from(alertFirings)
      .orderBy(alertFirings.detail);
    expect(rows.filter((r) => r.ruleId === queueRule).map((r) => r.detail)).toEqual([
      "Entered the at-risk queue on 19 Mar 2026",
    ]);
    expect(rows.filter((r) => r.ruleId === leftRule).map((r) => r.detail)).toEqual([
      "Opened the cancel page on 17 Mar 2026 and left without finishing",
      "Opened the cancel page on 18 Mar 2026 and took the pause offer",
    ]);
  });

  it("fires on an account added to the queue by hand in the next re-scoring round, not a round later", async () => {
    const db = t.db;
    const admin = await user(db, "admin", "Ada");
    const manager = await user(db, "manager", "Mia");
    const [added = ""] = await makeAccounts(db, 1, "hand", { events: [["2025-06-01T00:00:00Z", "converted", 10_000]] });
    await createAlertRule(
      db,
      rule(
        { kind: "entered_queue" },
        { actions: { ...noActions, notify: { assignee: false, roles: [], userIds: [manager.id] } } },
      ),
      SYSTEM_ACTOR,
    );
    await addToQueue(db, admin, [added], SYSTEM_ACTOR);
    // The frequent round of the accounts that received data, as the server's worker claims it.
    const later = new Date(Date.now() + 60_000);
    await ensureHealthJobs(db, 30, new Date());
    const round = await runDueJobs(db, {
      workerId: "w1",
      handlers: { "health.rescore_stale": rescoreStale },
      kinds: ["health.rescore_stale"],
      now: later,
    });
    expect(round).toMatchObject({ claimed: 1, succeeded: 1 });
    const told = await db.select({ userId: notifications.userId, title: notifications.title }).from(notifications);
    expect(told).toEqual([{ userId: manager.id, title: `Test rule: ${added}` }]);
  });
});
