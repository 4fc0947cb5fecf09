// Which flow a new session starts on: the first targeted flow by position whose segments, plans and
// locales all match (`de` matching `de-AT`), the default last, a flow named by id outright, always
// the flow's newest version; and the default flow made once on an installation with none.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cancelFlowVersions, cancelFlows, cancelSessions } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { insertFlow, startSession, testFlowContent } from "@/test/cancel-flow-fixture";
import { createCancelSession } from "./cancel-sessions";
import {
  ensureDefaultFlow,
  liveFlowVersions,
  localeMatches,
  matchFlowVersion,
  targetingMatches,
} from "./cancel-flow-match";

const T0 = new Date("2026-03-02T12:00:00.000Z");

describe("localeMatches and targetingMatches", () => {
  it("matches a language to its regions, case aside, and nothing else", () => {
    expect(localeMatches(["de"], "de-AT")).toBe(true);
    expect(localeMatches(["de"], "de")).toBe(true);
    expect(localeMatches(["DE"], "de-at")).toBe(true);
    expect(localeMatches(["de-AT"], "de")).toBe(false);
    expect(localeMatches(["de"], "dex")).toBe(false);
    expect(localeMatches(["en-GB"], "en-US")).toBe(false);
    expect(localeMatches([], "en-US")).toBe(false);
  });

  it("needs every non-empty list to match; an account with no segment or plan matches only empty lists", () => {
    const any = { segments: [], plans: [], locales: [] };
    expect(targetingMatches(any, { segment: null, plan: null }, "fr")).toBe(true);
    expect(targetingMatches({ ...any, segments: ["smb"] }, { segment: null, plan: null }, "fr")).toBe(false);
    expect(targetingMatches({ ...any, plans: ["growth"] }, { segment: "smb", plan: null }, "fr")).toBe(false);
    const all = { segments: ["smb", "mid"], plans: ["growth"], locales: ["de"] };
    expect(targetingMatches(all, { segment: "mid", plan: "growth" }, "de-CH")).toBe(true);
    expect(targetingMatches(all, { segment: "mid", plan: "growth" }, "fr-CH")).toBe(false);
    expect(targetingMatches(all, { segment: "enterprise", plan: "growth" }, "de")).toBe(false);
  });
});

describe("matchFlowVersion", () => {
  // Matching reads every live flow of the installation: a database per test.
  const t = setupTestDbPerTest();

  it("takes the first match by position, the default when none matches, and skips archived flows", async () => {
    // Positions as an admin left them: the default's own position does not put it first.
    const fallback = await insertFlow(t.db, { name: "Default", isDefault: true, position: -5 });
    const byPlan = await insertFlow(t.db, { name: "Growth", plans: ["growth"], position: 1 });
    const bySegment = await insertFlow(t.db, { name: "SMB", segments: ["smb"], position: 2 });
    const german = await insertFlow(t.db, { name: "German", locales: ["de"], position: 3 });
    await insertFlow(t.db, { name: "Archived", segments: ["mid"], position: 0, archived: true });
    const cases: [{ segment: string | null; plan: string | null }, string, string][] = [
      // smb on growth: both Growth (1) and SMB (2) match; the lower position wins.
      [{ segment: "smb", plan: "growth" }, "en-US", byPlan.flowId],
      [{ segment: "smb", plan: "starter" }, "de-AT", bySegment.flowId],
      // de matches de-AT; the archived flow for mid is never chosen.
      [{ segment: "mid", plan: "starter" }, "de-AT", german.flowId],
      [{ segment: "mid", plan: "starter" }, "fr-FR", fallback.flowId],
      [{ segment: null, plan: null }, "en-US", fallback.flowId],
    ];
    for (const [account, locale, flowId] of cases) {
      const version = await matchFlowVersion(t.db, account, locale);
      expect({ account, locale, flowId: version?.flowId }).toEqual({ account, locale, flowId });
    }
    expect((await liveFlowVersions(t.db)).map((v) => v.flowId)).toEqual([
      byPlan.flowId,
      bySegment.flowId,
      german.flowId,
      fallback.flowId,
    ]);
  });

  it("starts on the newest version; a flow named by id is taken outright, unless archived or unknown", async () => {
    await insertFlow(t.db, { name: "Default", isDefault: true });
    const german = await insertFlow(t.db, { name: "German", locales: ["de"], versions: 3 });
    const archived = await insertFlow(t.db, { name: "Old", archived: true });
    const version = await matchFlowVersion(t.db, { segment: null, plan: null }, "de");
    expect(version).toMatchObject({ id: german.versionIds[2], version: 3, name: "German v3" });
    // Named: it does not need to match the locale.
    const named = await matchFlowVersion(t.db, { segment: null, plan: null }, "ja-JP", german.flowId);
    expect(named?.id).toBe(german.versionIds[2]);
    expect(await matchFlowVersion(t.db, { segment: null, plan: null }, "de", archived.flowId)).toBeNull();
    expect(await matchFlowVersion(t.db, { segment: null, plan: null }, "de", "cf_nope")).toBeNull();
  });

  it("sessions keep the version they started on when a new one is saved", async () => {
    const flow = await insertFlow(t.db, { name: "Default", isDefault: true });
    const [account = ""] = await makeAccounts(t.db, 1, "match-keep");
    const before = await startSession(t.db, account, T0);
    await t.db.insert(cancelFlowVersions).values({
      id: "cfv_v2",
      flowId: flow.flowId,
      version: 2,
      name: "Default v2",
      content: testFlowContent({ productName: "Acme 2" }),
    });
    const after = await startSession(t.db, account, T0);
    expect([before.flowVersion, after.flowVersion]).toEqual([1, 2]);
    const [row] = await t.db.select().from(cancelSessions).where(eq(cancelSessions.id, before.id));
    expect(row?.flowVersionId).toBe(flow.versionIds[0]);
  });
});

describe("createCancelSession and ensureDefaultFlow", () => {
  const t = setupTestDbPerTest();

  it("says why there is no session: no flow at all, an unknown flow, an unknown account", async () => {
    const [account = ""] = await makeAccounts(t.db, 1, "match-none");
    const input = { accountExternalId: account, returnUrl: "https://app.example.com/", locale: "en-US" };
    const by = { preview: false };
    const options = { now: T0, minutes: 60 };
    expect(await createCancelSession(t.db, input, by, options)).toEqual({ ok: false, reason: "no-flow" });
    expect(await createCancelSession(t.db, { ...input, flowId: "cf_nope" }, by, options)).toEqual({
      ok: false,
      reason: "unknown-flow",
    });
    expect(await createCancelSession(t.db, { ...input, accountExternalId: "nobody" }, by, options)).toEqual({
      ok: false,
      reason: "unknown-account",
    });
    expect(await t.db.$count(cancelSessions)).toBe(0);
  });

  it("makes the default flow once, as version 1 of the content given", async () => {
    const content = testFlowContent({ productName: "First" });
    const id = await ensureDefaultFlow(t.db, { name: "Default flow", content }, T0);
    expect(await ensureDefaultFlow(t.db, { name: "Another", content: testFlowContent() }, T0)).toBe(id);
    expect(await t.db.select().from(cancelFlows)).toEqual([expect.objectContaining({ id, isDefault: true })]);
    expect(await t.db.select().from(cancelFlowVersions)).toEqual([
      expect.objectContaining({ flowId: id, version: 1, name: "Default flow", content, changes: ["Created"] }),
    ]);
  });
});
