// The audit log's list and filters, on a real database.
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import { AUDIT_PAGE_SIZE, auditFacets, listAudit, recordAudit } from "./audit";

// Each test has a database of its own with the three entries below: the paging test adds more.
const t = setupTestDbPerTest();
const dana = { type: "user" as const, id: "usr_dana", label: "dana@example.com" };
const key = { type: "api_key" as const, id: "key_1", label: "Importer" };

async function seed() {
  await t.db.insert(auditLog).values([
    {
      at: new Date("2026-11-01T10:00:00Z"),
      actorType: "user",
      actorId: dana.id,
      actorLabel: dana.label,
      action: "user.create",
      entityType: "user",
      entityId: "usr_sam",
    },
    {
      at: new Date("2026-11-02T23:59:59Z"),
      actorType: "api_key",
      actorId: key.id,
      actorLabel: key.label,
      action: "ingest.accounts",
      entityType: "batch",
      entityId: null,
    },
    {
      at: new Date("2026-11-03T00:00:00Z"),
      actorType: "user",
      actorId: dana.id,
      actorLabel: dana.label,
      action: "triage.change",
      entityType: "triage_item",
      entityId: "TRI_Acme",
    },
  ]);
}

const actions = async (filters: Partial<Parameters<typeof listAudit>[1]>) =>
  (await listAudit(t.db, { page: 1, ...filters })).rows.map((r) => r.action);

describe("the audit log list", () => {
  beforeEach(seed);

  it("lists newest first with the total, and filters by actor label or id, action and entity", async () => {
    const all = await listAudit(t.db, { page: 1 });
    expect(all.rows.map((r) => r.action)).toEqual(["triage.change", "ingest.accounts", "user.create"]);
    expect(all.total).toBe(3);
    expect(await actions({ actor: "dana@example.com" })).toEqual(["triage.change", "user.create"]);
    expect(await actions({ actor: "key_1" })).toEqual(["ingest.accounts"]);
    expect(await actions({ action: "user.create" })).toEqual(["user.create"]);
    expect(await actions({ entity: "batch" })).toEqual(["ingest.accounts"]);
    expect(await actions({ actor: "dana@example.com", entity: "user" })).toEqual(["user.create"]);
  });

  it("finds words in the entity id or the actor's label, in any case", async () => {
    expect(await actions({ q: "acme" })).toEqual(["triage.change"]);
    expect(await actions({ q: "IMPORT" })).toEqual(["ingest.accounts"]);
    expect(await actions({ q: "nothing like it" })).toEqual([]);
  });

  it("takes whole UTC days, both ends included", async () => {
    expect(await actions({ from: "2026-11-02" })).toEqual(["triage.change", "ingest.accounts"]);
    expect(await actions({ to: "2026-11-02" })).toEqual(["ingest.accounts", "user.create"]);
    expect(await actions({ from: "2026-11-02", to: "2026-11-02" })).toEqual(["ingest.accounts"]);
  });

  it("pages by its page size and counts every match", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 2; i++)
      await recordAudit(t.db, dana, { action: "test.entry", entityType: "test", entityId: String(i) });
    const second = await listAudit(t.db, { page: 2, action: "test.entry" });
    expect(second.rows.map((r) => r.entityId)).toEqual(["1", "0"]);
    expect((await listAudit(t.db, { page: 1 })).total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(second.total).toBe(AUDIT_PAGE_SIZE + 2);
  });

  it("offers the actions, entity types and actors it holds", async () => {
    const facets = await auditFacets(t.db);
    expect(facets.actions).toEqual(expect.arrayContaining(["ingest.accounts", "triage.change", "user.create"]));
    expect(facets.entities).toEqual(expect.arrayContaining(["batch", "triage_item", "user"]));
    expect(facets.actors).toEqual(expect.arrayContaining(["Importer", "dana@example.com"]));
  });
});
