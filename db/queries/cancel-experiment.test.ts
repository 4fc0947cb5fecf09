// An offer experiment on a flow version (SPEC §7): each session is put in a variant by a hash of its
// id when it is made, keeps it, and meets only its variant's offer on every step and in its answer.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cancelSessions } from "@/db/schema";
import { applyCancelAction, cancelSessionById, openCancelSession } from "@/db/queries/cancel-sessions";
import { variantFor } from "@/lib/metrics/variant";
import { setupTestDb } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { insertFlow, startSession, testFlowContent } from "@/test/cancel-flow-fixture";

const t = setupTestDb();
const T0 = new Date("2026-03-02T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

// too_expensive offers 25 % off for 3 months (variant A); variant B pauses instead, for 30 % of sessions.
const EXPERIMENT = { reasonCode: "too_expensive", offerB: { kind: "pause", maxMonths: 2 }, shareB: 0.3 } as const;

describe("an offer experiment", () => {
  it("puts each session in the variant its id hashes to, and shows that variant's offer", async () => {
    const { flowId } = await insertFlow(t.db, { content: testFlowContent({ experiment: EXPERIMENT }) });
    const accounts = await makeAccounts(t.db, 24, "cs-exp");
    const seen = { A: 0, B: 0 };
    for (const account of accounts) {
      const made = await startSession(t.db, account, T0, { flowId });
      const [row] = await t.db.select().from(cancelSessions).where(eq(cancelSessions.id, made.id));
      const variant = variantFor(made.id, 0.3);
      expect(row?.variant).toBe(variant);
      seen[variant]++;
      expect((await openCancelSession(t.db, made.token, at(1))).kind).toBe("live");
      await applyCancelAction(t.db, made.token, { kind: "continue" }, "loss", at(2));
      const chosen = await applyCancelAction(
        t.db,
        made.token,
        { kind: "reason", code: "too_expensive" },
        "reason",
        at(3),
      );
      expect(chosen.ok).toBe(true);
      const offer = chosen.state.kind === "unknown" ? null : chosen.state.loaded.session.offer;
      expect(offer?.kind).toBe(variant === "B" ? "pause" : "discount");
      // Another reason is untouched by the experiment.
      await applyCancelAction(t.db, made.token, { kind: "back" }, "offer", at(4));
      const other = await applyCancelAction(t.db, made.token, { kind: "reason", code: "too_complex" }, "reason", at(5));
      expect(other.state.kind === "unknown" ? null : other.state.loaded.session.offer?.kind).toBe("downgrade");
      // The session's wire form names its variant.
      expect((await cancelSessionById(t.db, made.id))?.session.variant).toBe(variant);
    }
    // Both offers were walked: with random ids at 30 %, no B in 24 sessions has a chance of 0.7²⁴ ≈ 0.0002
    // (the split itself is measured on 10,000 ids in lib/metrics/variant.test.ts).
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
  });

  it("a version without an experiment puts no session in a variant", async () => {
    const { flowId } = await insertFlow(t.db, {});
    const [account = ""] = await makeAccounts(t.db, 1, "cs-noexp");
    const made = await startSession(t.db, account, T0, { flowId });
    expect((await cancelSessionById(t.db, made.id))?.session.variant).toBeNull();
  });
});
