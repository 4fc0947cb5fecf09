// Idempotency-Keys through the ingestion API's request handler: a retry replays the first answer,
// another body or a request still running is refused, and a refused batch keeps its answer too.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { claimInTransaction } from "@/db/queries/idempotency";
import { signals } from "@/db/schema";
import { setupTestDb } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { apiClient } from "@/test/ingest-client";

const t = setupTestDb();

describe("idempotency", () => {
  it("replays the first answer for the same key and body, and writes once", async () => {
    const { post } = await apiClient(t.db);
    const [account] = await makeAccounts(t.db, 1, "idem");
    const body = {
      items: [
        { accountExternalId: account, kind: "nps", occurredAt: "2024-04-01T10:00:00Z", score: 4, comment: "meh" },
      ],
    };
    const first = await post("signals", body, { "Idempotency-Key": "retry-1" });
    const second = await post("signals", body, { "Idempotency-Key": "retry-1" });
    expect(first).toMatchObject({ status: 200, body: { accepted: 1, skipped: 0 } });
    expect(second).toEqual(first);
    const stored = await t.db.$count(signals, and(eq(signals.comment, "meh"), eq(signals.accountId, account ?? "")));
    expect(stored).toBe(1);
  });

  it("refuses the same key with another body (422) and while the first is running (409)", async () => {
    const { key, post } = await apiClient(t.db);
    const [first, second] = await makeAccounts(t.db, 2, "idem");
    const body = {
      items: [{ accountExternalId: first, kind: "ticket_opened", occurredAt: "2024-04-01T10:00:00Z" }],
    };
    expect((await post("signals", body, { "Idempotency-Key": "retry-2" })).status).toBe(200);
    const other = {
      items: [{ accountExternalId: second, kind: "ticket_opened", occurredAt: "2024-04-01T10:00:00Z" }],
    };
    expect((await post("signals", other, { "Idempotency-Key": "retry-2" })).status).toBe(422);
    // A request with the key still in flight holds its lock (on PostgreSQL another connection
    // can hold it; embedded PGlite runs one transaction at a time, so a duplicate simply waits).
    if (t.engine === "postgres") {
      await t.db.transaction(async (tx) => {
        expect(
          await claimInTransaction(tx, {
            apiKeyId: key.id,
            key: "retry-3",
            endpoint: "POST /api/v1/signals",
            bodyHash: "h",
          }),
        ).toEqual({ kind: "new" });
        expect((await post("signals", body, { "Idempotency-Key": "retry-3" })).status).toBe(409);
      });
    }
    // Once that request is gone without an answer (it died, or was rolled back), a retry runs.
    expect((await post("signals", body, { "Idempotency-Key": "retry-3" })).status).toBe(200);
  });

  it("keeps a 400 answer too: the same bad batch with its key gets the same 400", async () => {
    const { post } = await apiClient(t.db);
    const [account] = await makeAccounts(t.db, 1, "idem");
    const bad = { items: [{ accountExternalId: account, kind: "nps", occurredAt: "2024-04-01T10:00:00Z" }] };
    const first = await post("signals", bad, { "Idempotency-Key": "bad-1" });
    expect(first.status).toBe(400);
    expect(await post("signals", bad, { "Idempotency-Key": "bad-1" })).toEqual(first);
  });
});
