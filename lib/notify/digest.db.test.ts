// The digests with an injected clock, on 20 March 2026: New York is on summer time (UTC−4, since
// 8 March) and Berlin not yet (UTC+1, until 29 March), so their 08:00 are 07:00 and 12:00 UTC.
// Daily: each at their own 08:00, once a day, nothing when empty, a missed one sent at the next
// round; weekly: a Berlin manager on Monday 23 March at 07:00 UTC, with the week's figures.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { notify } from "@/db/queries/notifications";
import { createUser } from "@/db/queries/users";
import { accounts, messageDeliveries, notificationPreferences, notifications, triageItems, users } from "@/db/schema";
import type { Role } from "@/lib/values";
import { setupTestDbPerTest } from "@/test/db";
import { insertAccounts, insertResponses } from "@/test/fixtures";
import { localTime, runDigests, zonedInstant } from "./digest";

vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
vi.stubEnv("PUBLIC_URL", "https://holdfast.example.com");

const t = setupTestDbPerTest();
const utc = (iso: string) => new Date(iso);

async function person(db: Db, name: string, zone: string, role: Role = "cs") {
  const u = await createUser(
    db,
    { email: `${name.toLowerCase()}@example.com`, name, role, password: "digest-password-0123" },
    SYSTEM_ACTOR,
  );
  await db.update(users).set({ timeZone: zone }).where(eq(users.id, u.id));
  return u;
}

/** An account with a live item of `assigneeId`, its follow-up due on `due`. */
async function followUp(db: Db, id: string, assigneeId: string, due: string) {
  await insertAccounts(db, [{ id, name: `${id} Inc`, events: [["2025-06-01T00:00:00Z", "converted", 10_000]] }]);
  await db.insert(triageItems).values({ id: `tri_${id}`, accountId: id, assigneeId, nextFollowUpOn: due });
}

const mails = (db: Db) =>
  db
    .select({
      id: messageDeliveries.id,
      to: messageDeliveries.recipient,
      subject: messageDeliveries.subject,
      message: messageDeliveries.message,
    })
    .from(messageDeliveries)
    .orderBy(messageDeliveries.createdAt, messageDeliveries.id);

describe("local clocks", () => {
  it("read 08:00 in Berlin at 07:00 UTC and in New York at 12:00 UTC on 20 March 2026", () => {
    expect(localTime(utc("2026-03-20T07:00:00Z"), "Europe/Berlin")).toEqual({ day: "2026-03-20", hour: 8, weekday: 5 });
    expect(localTime(utc("2026-03-20T12:00:00Z"), "America/New_York")).toEqual({
      day: "2026-03-20",
      hour: 8,
      weekday: 5,
    });
    expect(zonedInstant("2026-03-20", 8, "America/New_York")).toEqual(utc("2026-03-20T12:00:00Z"));
    expect(zonedInstant("2026-03-23", 8, "Europe/Berlin")).toEqual(utc("2026-03-23T07:00:00Z"));
    // After Berlin's change (29 March) its 08:00 is 06:00 UTC.
    expect(zonedInstant("2026-03-30", 8, "Europe/Berlin")).toEqual(utc("2026-03-30T06:00:00Z"));
  });
});

describe("the daily digest", () => {
  it("goes out at each user's own 08:00, once a day, not at all when empty, and a missed one at the next round", async () => {
    const db = t.db;
    const berlin = await person(db, "Berta", "Europe/Berlin");
    const york = await person(db, "Nate", "America/New_York");
    await person(db, "Quinn", "Europe/Berlin");
    await followUp(db, "acme", berlin.id, "2026-03-20");
    await followUp(db, "globex", york.id, "2026-03-19");
    // Berta reads "assigned" in the digest (the default); it waits since yesterday.
    await notify(
      db,
      "assigned",
      [{ userId: berlin.id, title: "Initech", body: "Mia assigned this account to you", href: "/accounts/initech" }],
      utc("2026-03-19T15:00:00Z"),
    );

    expect(await runDigests(db, utc("2026-03-20T06:59:00Z"))).toEqual({ daily: [], weekly: [] });
    const first = await runDigests(db, utc("2026-03-20T07:00:00Z"));
    expect(first.daily).toHaveLength(1);
    expect(await runDigests(db, utc("2026-03-20T11:59:00Z"))).toEqual({ daily: [], weekly: [] });
    const second = await runDigests(db, utc("2026-03-20T12:00:00Z"));
    expect(second.daily).toHaveLength(1);
    expect(await runDigests(db, utc("2026-03-20T12:05:00Z"))).toEqual({ daily: [], weekly: [] });

    const sent = await mails(db);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ["berta@example.com", "Holdfast daily digest: 2 things for Mar 20, 2026"],
      ["nate@example.com", "Holdfast daily digest: 1 thing for Mar 20, 2026"],
    ]);
    const text = (i: number) => {
      const m = sent[i]?.message;
      return typeof m === "object" && m !== null && "text" in m && typeof m.text === "string" ? m.text : "";
    };
    expect(text(0)).toContain("Follow-ups due\n- acme Inc — due today\n  https://holdfast.example.com/accounts/acme");
    expect(text(0)).toContain("Newly assigned to you\n- Initech — Mia assigned this account to you");
    expect(text(1)).toContain("- globex Inc — was due Mar 19, 2026");
    expect(sent[0]?.id).toBe(`<digest-daily-${berlin.id}-2026-03-20@holdfast.example.com>`);
    // The notification it carried is not carried again.
    const [carried] = await db.select({ at: notifications.digestedAt }).from(notifications);
    expect(carried?.at).toEqual(utc("2026-03-20T07:00:00Z"));

    // The server is down the next morning until 10:00 UTC: Berta's digest of the 21st goes out then, once.
    const late = await runDigests(db, utc("2026-03-21T10:00:00Z"));
    expect(late.daily).toEqual([`<digest-daily-${berlin.id}-2026-03-21@holdfast.example.com>`]);
    expect(await runDigests(db, utc("2026-03-21T10:05:00Z"))).toEqual({ daily: [], weekly: [] });
  });

  it("leaves out what the user turned off or wants immediately", async () => {
    const db = t.db;
    const berlin = await person(db, "Berta", "Europe/Berlin");
    await followUp(db, "acme", berlin.id, "2026-03-20");
    await db.insert(notificationPreferences).values([
      { userId: berlin.id, kind: "follow_up", delivery: "off" },
      { userId: berlin.id, kind: "assigned", delivery: "immediate" },
    ]);
    await notify(
      db,
      "assigned",
      [{ userId: berlin.id, title: "Initech", body: "x", href: "/accounts/initech" }],
      utc("2026-03-19T15:00:00Z"),
    );
    expect(await runDigests(db, utc("2026-03-20T07:00:00Z"))).toEqual({ daily: [], weekly: [] });
  });
});

describe("the weekly report", () => {
  it("goes to a Berlin manager on Monday at 08:00 there, with the week's losses, movements and top reasons", async () => {
    const db = t.db;
    const manager = await person(db, "Mia", "Europe/Berlin", "manager");
    await person(db, "Cass", "Europe/Berlin", "cs");
    // The week: Mon 16 March 07:00 UTC to Mon 23 March 07:00 UTC.
    await insertAccounts(db, [
      // Lost on the 18th: $100.
      {
        id: "lost",
        events: [
          ["2026-01-05T00:00:00Z", "converted", 10_000],
          ["2026-03-18T10:00:00Z", "canceled"],
        ],
      },
      // New on the 17th at $50, expanded to $80 on the 19th: new $80.
      {
        id: "new",
        events: [
          ["2026-03-17T10:00:00Z", "converted", 5_000],
          ["2026-03-19T10:00:00Z", "expansion", 8_000],
        ],
      },
      // $200 → $150: contraction $50.
      {
        id: "down",
        events: [
          ["2025-11-01T00:00:00Z", "converted", 20_000],
          ["2026-03-20T10:00:00Z", "contraction", 15_000],
        ],
      },
      // Lost before the week: not counted.
      {
        id: "old",
        events: [
          ["2025-11-01T00:00:00Z", "converted", 30_000],
          ["2026-03-10T00:00:00Z", "canceled"],
        ],
      },
    ]);
    await insertResponses(db, [
      { accountId: "lost", submittedAt: "2026-03-18T10:00:00Z", reasonCode: "too_expensive", outcome: "canceled" },
      { accountId: "old", submittedAt: "2026-03-10T00:00:00Z", reasonCode: "missing_features", outcome: "canceled" },
    ]);

    expect((await runDigests(db, utc("2026-03-23T06:59:00Z"))).weekly).toEqual([]);
    const round = await runDigests(db, utc("2026-03-23T07:00:00Z"));
    expect(round.weekly).toEqual([`<digest-weekly-${manager.id}-2026-03-23@holdfast.example.com>`]);
    expect((await runDigests(db, utc("2026-03-23T09:00:00Z"))).weekly).toEqual([]);
    const [mail] = (await mails(db)).filter((m) => m.id.startsWith("<digest-weekly"));
    expect(mail?.subject).toBe("Holdfast weekly report: 1 customer lost, week to Mar 22, 2026");
    const body =
      typeof mail?.message === "object" && mail.message !== null && "text" in mail.message
        ? String(mail.message.text)
        : "";
    expect(body).toContain(
      "- 1 customer lost — $100 MRR\n  https://holdfast.example.com/overview?from=2026-03&to=2026-03",
    );
    expect(body).toContain("- New $80");
    expect(body).toContain("- Contraction $50");
    expect(body).toContain("- Churned $100");
    // Start: lost $100 + down $200 = $300; end: new $80 + down $150 = $230.
    expect(body).toContain("- MRR $300 → $230");
    expect(body).toContain("Top reasons\n- Price & value — 1 answer");
    expect(await db.$count(accounts)).toBe(4);
  });
});
