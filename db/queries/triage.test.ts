// Who may do what to a queue item, on a real database: a cs agent changes only items that are
// theirs or unassigned, but may log outreach on any account — on a colleague's item it is recorded
// and changes none of that item's status, assignee, snooze or follow-up.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outreachLogs, triageItems, users } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { makeAccounts, uniqueId } from "@/test/factories";
import type { SessionUser } from "@/lib/types/session";
import type { ItemChange } from "@/lib/types/triage";
import { addToQueue, changeItem } from "./triage-items";
import { logOutreach } from "./triage-outreach";

const t = setupTestDb();
const actor = (u: SessionUser) => ({ type: "user" as const, id: u.id, label: u.email });

async function makeUser(role: SessionUser["role"], name: string): Promise<SessionUser> {
  const id = uniqueId("usr");
  const user = { id, email: `${id}@example.com`, name, role };
  await t.db.insert(users).values({ ...user, passwordHash: "x" });
  return user;
}

async function itemRow(id: string) {
  const [row] = await t.db.select().from(triageItems).where(eq(triageItems.id, id));
  if (!row) throw new Error(`item ${id} vanished`);
  return row;
}

/** An account with a live item assigned to `owner` (a colleague of the cs agent `cs`). */
async function colleaguesItem() {
  const cs = await makeUser("cs", "Casey");
  const owner = await makeUser("cs", "Corey");
  const manager = await makeUser("manager", "Morgan");
  const [externalId = ""] = await makeAccounts(t.db, 1, "acct", {
    events: [["2025-01-05T00:00:00Z", "converted", 9900]],
  });
  await addToQueue(t.db, manager, [externalId], actor(manager));
  const [item] = await t.db.select().from(triageItems).where(eq(triageItems.accountId, externalId));
  if (!item) throw new Error("no item");
  const given = await changeItem(
    t.db,
    manager,
    { id: item.id, version: item.version, assigneeId: owner.id, snoozeUntil: null },
    actor(manager),
  );
  expect(given.ok).toBe(true);
  const before = await itemRow(item.id);
  return { cs, owner, manager, externalId, before };
}

/** `user` logs outreach on the colleague's item as it was before (`item`'s id and version). */
const logOn = (
  user: SessionUser,
  externalId: string,
  item: { id: string; version: number },
  entry: { channel: "call" | "email"; summary: string; nextFollowUpOn?: string },
) =>
  logOutreach(
    t.db,
    user,
    { accountExternalId: externalId, item: { id: item.id, version: item.version }, ...entry },
    actor(user),
  );

const decisions = (r: Awaited<ReturnType<typeof itemRow>>) => ({
  status: r.status,
  assigneeId: r.assigneeId,
  snoozedUntil: r.snoozedUntil,
  nextFollowUpOn: r.nextFollowUpOn,
  version: r.version,
});

describe("outreach on a colleague's item", () => {
  it("is stored for a cs agent, with the contact time, and changes none of the item's decisions", async () => {
    const { cs, externalId, before } = await colleaguesItem();
    const logged = await logOn(cs, externalId, before, { channel: "call", summary: "Met their CFO at a conference" });
    expect(logged).toMatchObject({ ok: true, version: before.version });
    const after = await itemRow(before.id);
    expect(decisions(after)).toEqual(decisions(before));
    expect(after.status).toBe("open");
    expect(after.lastOutreachAt).not.toBeNull();
    const logs = await t.db.select().from(outreachLogs).where(eq(outreachLogs.accountId, externalId));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ userId: cs.id, triageItemId: before.id, summary: "Met their CFO at a conference" });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, logs[0]?.id ?? ""));
    expect(audit.map((a) => a.action)).toEqual(["outreach.log"]);
  });

  it("answers with the item as it now is, so the queue row shows the contact at once", async () => {
    const { cs, externalId, before } = await colleaguesItem();
    const logged = await logOn(cs, externalId, before, { channel: "email", summary: "Sent the renewal deck" });
    if (!logged.ok) throw new Error(logged.reason);
    expect(logged.item).toMatchObject({
      id: before.id,
      version: before.version,
      status: "open",
      assigneeId: before.assigneeId,
    });
    expect(logged.item?.lastOutreachAt).toBe((await itemRow(before.id)).lastOutreachAt?.toISOString());
  });

  it("refuses a follow-up date on it, which is the colleague's to set, and stores nothing", async () => {
    const { cs, owner, externalId, before } = await colleaguesItem();
    const refused = await logOn(cs, externalId, before, {
      channel: "call",
      summary: "Call",
      nextFollowUpOn: "2026-12-24",
    });
    expect(refused).toEqual({ ok: false, reason: "follow-up-theirs", assigneeName: owner.name });
    expect(await itemRow(before.id)).toEqual(before);
    expect(await t.db.select().from(outreachLogs).where(eq(outreachLogs.accountId, externalId))).toEqual([]);
  });

  it("is still refused as changed when the item changed after the dialog opened", async () => {
    const { cs, manager, externalId, before } = await colleaguesItem();
    expect(
      (
        await changeItem(
          t.db,
          manager,
          { id: before.id, version: before.version, status: "in_progress" },
          actor(manager),
        )
      ).ok,
    ).toBe(true);
    const stale = await logOn(cs, externalId, before, { channel: "call", summary: "Call" });
    expect(stale).toMatchObject({ ok: false, reason: "changed", changedBy: "Morgan" });
    expect(await t.db.select().from(outreachLogs).where(eq(outreachLogs.accountId, externalId))).toEqual([]);
  });
});

describe("everything else on a colleague's item stays refused for cs", () => {
  it.each<[string, (self: string) => Omit<ItemChange, "id" | "version">]>([
    ["status", () => ({ status: "lost" })],
    ["snooze", () => ({ snoozeUntil: "2026-12-24" })],
    ["take", (self) => ({ assigneeId: self })],
    ["unassign", () => ({ assigneeId: null })],
  ])("%s is refused as not theirs and changes nothing", async (_, fields) => {
    const { cs, before } = await colleaguesItem();
    const refused = await changeItem(t.db, cs, { id: before.id, version: before.version, ...fields(cs.id) }, actor(cs));
    expect(refused).toEqual({ ok: false, reason: "not-yours" });
    expect(await itemRow(before.id)).toEqual(before);
  });

  it("a change the cs agent may make answers with the item as it now is", async () => {
    const cs = await makeUser("cs", "Casey");
    const manager = await makeUser("manager", "Morgan");
    const [externalId = ""] = await makeAccounts(t.db, 1);
    await addToQueue(t.db, manager, [externalId], actor(manager));
    const [item] = await t.db.select().from(triageItems).where(eq(triageItems.accountId, externalId));
    if (!item) throw new Error("no item");
    const taken = await changeItem(t.db, cs, { id: item.id, version: item.version, assigneeId: cs.id }, actor(cs));
    expect(taken).toMatchObject({
      ok: true,
      version: item.version + 1,
      item: { id: item.id, version: item.version + 1, assigneeId: cs.id, status: "open", lastOutreachAt: null },
    });
  });
});
