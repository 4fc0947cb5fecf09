// The inbox's queries: a person assigning an item to someone else tells them ("assigned", by their
// choice), assigning to oneself tells no one; marking read touches only one's own; the settings
// round-trip, and the browser's zone is adopted only while none is set.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notificationPreferences, triageItems } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueEmail } from "@/test/factories";
import { SYSTEM_ACTOR } from "./audit";
import {
  adoptTimeZone,
  inbox,
  markRead,
  notificationSettings,
  notify,
  saveNotificationSettings,
  unreadCount,
} from "./notifications";
import { addToQueue, changeItem } from "./triage-items";
import { createUser } from "./users";

const t = setupTestDb();
const person = (role: "cs" | "manager", name: string) =>
  createUser(t.db, { email: uniqueEmail(name), name, role, password: "inbox-password-0123" }, SYSTEM_ACTOR);

describe("notifications", () => {
  it("tells the person an item is given to, unless they took it themselves or turned it off", async () => {
    const manager = await person("manager", "Mia");
    const agent = await person("cs", "Cy");
    const quiet = await person("cs", "Quill");
    await t.db.insert(notificationPreferences).values({ userId: quiet.id, kind: "assigned", delivery: "off" });
    const [a = "", b = ""] = await makeAccounts(t.db, 2, "inb", {
      events: [["2025-06-01T00:00:00Z", "converted", 10_000]],
    });
    await addToQueue(t.db, manager, [a, b], SYSTEM_ACTOR);
    const items = await t.db.select().from(triageItems).orderBy(triageItems.accountId);
    const item = (account: string) => items.find((i) => i.accountId === account);
    await changeItem(t.db, manager, { id: item(a)?.id ?? "", version: 1, assigneeId: agent.id }, SYSTEM_ACTOR);
    await changeItem(t.db, manager, { id: item(b)?.id ?? "", version: 1, assigneeId: quiet.id }, SYSTEM_ACTOR);
    // Cy takes back an item given to them: no notification for taking it oneself.
    await changeItem(t.db, agent, { id: item(a)?.id ?? "", version: 2, assigneeId: null }, SYSTEM_ACTOR);
    await changeItem(t.db, agent, { id: item(a)?.id ?? "", version: 3, assigneeId: agent.id }, SYSTEM_ACTOR);
    const got = await inbox(t.db, agent.id);
    expect(got.map((n) => [n.kind, n.title, n.body, n.href])).toEqual([
      ["assigned", a, "Mia assigned this account to you", `/accounts/${a}`],
    ]);
    expect(await inbox(t.db, quiet.id)).toEqual([]);
  });

  it("marks only the user's own as read, one or all, and counts the unread", async () => {
    const [me, other] = [await person("cs", "Me"), await person("cs", "Other")];
    const at = new Date("2026-03-20T10:00:00Z");
    const made = await notify(
      t.db,
      "alert",
      [
        { userId: me.id, title: "one", body: "", href: "/at-risk" },
        { userId: me.id, title: "two", body: "", href: "/at-risk" },
        { userId: other.id, title: "theirs", body: "", href: "/at-risk" },
      ],
      at,
    );
    const theirs = made.find((m) => m.userId === other.id)?.id ?? 0;
    expect(await unreadCount(t.db, me.id)).toBe(2);
    expect(await markRead(t.db, me.id, theirs, at)).toBe(0);
    expect(await unreadCount(t.db, other.id)).toBe(1);
    expect(await markRead(t.db, me.id, made[0]?.id ?? 0, at)).toBe(1);
    expect(await unreadCount(t.db, me.id)).toBe(1);
    expect(await markRead(t.db, me.id, "all", at)).toBe(1);
    expect(await unreadCount(t.db, me.id)).toBe(0);
    expect(await unreadCount(t.db, other.id)).toBe(1);
  });

  it("keeps the choices and the zone; the browser's zone only fills an empty one", async () => {
    const me = await person("cs", "Zed");
    expect(await notificationSettings(t.db, me.id)).toEqual({
      timeZone: null,
      preferences: {
        alert: "immediate",
        assigned: "digest",
        follow_up: "digest",
        threshold: "digest",
        weekly: "immediate",
      },
    });
    expect(await adoptTimeZone(t.db, me.id, "America/New_York")).toBe(true);
    expect(await adoptTimeZone(t.db, me.id, "Asia/Tokyo")).toBe(false);
    const preferences = {
      alert: "digest",
      assigned: "off",
      follow_up: "immediate",
      threshold: "off",
      weekly: "off",
    } as const;
    await saveNotificationSettings(t.db, me.id, { timeZone: "Europe/Berlin", preferences }, new Date());
    expect(await notificationSettings(t.db, me.id)).toEqual({ timeZone: "Europe/Berlin", preferences });
    const rows = await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id));
    expect(rows).toHaveLength(5);
  });
});
