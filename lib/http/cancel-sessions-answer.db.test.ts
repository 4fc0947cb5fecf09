// POST and GET /api/v1/cancel-sessions through their handlers on a real database: the 201 answer,
// every refusal naming its field or setting (and writing nothing), the locale from Accept-Language,
// the default flow made on first use, Idempotency-Key replays, and the session read back.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { ApiKeyIdentity } from "@/db/queries/api-keys";
import { cancelSessionByToken } from "@/db/queries/cancel-sessions";
import { auditLog, cancelFlowVersions, cancelFlows, cancelSessions } from "@/db/schema";
import type { CancelSettings } from "@/lib/env";
import { answerCancelSession, answerCreateCancelSession } from "@/lib/http/cancel-sessions-answer";
import { jsonAs, problemBody } from "@/test/answers";
import { setupTestDb, setupTestDbPerTest } from "@/test/db";
import { makeAccounts, makeApiKey, uniqueId } from "@/test/factories";
import { insertAccounts } from "@/test/fixtures";

const t = setupTestDb();

const NOW = new Date("2026-03-02T12:00:00.000Z");
const SETTINGS: CancelSettings = {
  publicUrl: "https://holdfast.example.com",
  returnOrigins: ["https://app.example.com", "http://127.0.0.1:3100"],
  minutes: 60,
};
const createdBody = z.strictObject({ id: z.string(), url: z.string(), expiresAt: z.string() });

function post(
  db: Db,
  key: ApiKeyIdentity,
  body: unknown,
  headers: Record<string, string> = {},
  settings: CancelSettings = SETTINGS,
) {
  const request = new Request("http://holdfast.test/api/v1/cancel-sessions", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  return answerCreateCancelSession(request, db, key, settings, NOW);
}

async function client(db: Db) {
  const key = await makeApiKey(db, ["cancel"]);
  const [account = ""] = await makeAccounts(db, 1, "cs-api");
  return { key, account, body: { accountExternalId: account, returnUrl: "https://app.example.com/billing" } };
}

async function refusal(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await jsonAs(response, problemBody.partial({ errors: true }));
  expect(body.status).toBe(response.status);
  return body;
}

const sessionsOf = (db: Db, account: string) =>
  db
    .select()
    .from(cancelSessions)
    .where(eq(cancelSessions.accountId, account))
    .then((rows) => rows);

describe("POST /api/v1/cancel-sessions", () => {
  it("answers 201 with the id, the link under PUBLIC_URL and expiresAt 60 minutes on, and audits it", async () => {
    const { key, account, body } = await client(t.db);
    const response = await post(t.db, key, { ...body, userRef: "u_42", email: "Ana@Example.com" });
    expect(response.status).toBe(201);
    const made = await jsonAs(response, createdBody);
    expect(made.id).toMatch(/^cs_/);
    // 12:00 + 60 minutes.
    expect(made.expiresAt).toBe("2026-03-02T13:00:00.000Z");
    const token = made.url.replace("https://holdfast.example.com/cancel/", "");
    // 24 random bytes in base64url: 32 characters, 192 bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const state = await cancelSessionByToken(t.db, token, NOW);
    expect(state.kind).toBe("live");
    const [row] = await sessionsOf(t.db, account);
    expect(row).toMatchObject({
      id: made.id,
      status: "open",
      locale: "en-US",
      returnUrl: "https://app.example.com/billing",
      userRef: "u_42",
      email: "ana@example.com",
      apiKeyId: key.id,
      preview: false,
    });
    // The token itself is stored nowhere: only its hash.
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cancel_session.create"), eq(auditLog.entityId, made.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "api_key", actorId: key.id, actorLabel: `API key ${key.name}` });
  });

  it("takes the locale from the body, else the first valid tag of Accept-Language by weight, else en-US", async () => {
    const { key, account, body } = await client(t.db);
    const cases: [Record<string, string>, string | undefined, string][] = [
      [{ "accept-language": "de-AT,de;q=0.9,en;q=0.8" }, undefined, "de-AT"],
      [{ "accept-language": "fr;q=0.5, pt-br;q=0.9" }, undefined, "pt-BR"],
      // `*` and a broken tag are skipped for the next valid one.
      [{ "accept-language": "*, x_bad, nl-BE;q=0.3" }, undefined, "nl-BE"],
      [{ "accept-language": "*" }, undefined, "en-US"],
      [{}, undefined, "en-US"],
      [{ "accept-language": "de-AT" }, "es-mx", "es-MX"],
    ];
    for (const [headers, locale, expected] of cases) {
      const response = await post(t.db, key, locale === undefined ? body : { ...body, locale }, headers);
      const { id } = await jsonAs(response, createdBody);
      const [row] = await t.db.select().from(cancelSessions).where(eq(cancelSessions.id, id));
      expect({ headers, locale: row?.locale }).toEqual({ headers, locale: expected });
    }
    expect(await sessionsOf(t.db, account)).toHaveLength(cases.length);
  });

  it("refuses a bad body with 400 naming each field, and writes nothing", async () => {
    const { key, account, body } = await client(t.db);
    const long = "a".repeat(201);
    const cases: [unknown, string][] = [
      ["{not json", "body"],
      [[], "body"],
      [{ returnUrl: body.returnUrl }, "accountExternalId"],
      [{ ...body, accountExternalId: "a\u0000b" }, "accountExternalId"],
      [{ ...body, accountExternalId: long }, "accountExternalId"],
      [{ ...body, accountExternalId: "   " }, "accountExternalId"],
      [{ ...body, userRef: "\ud800" }, "userRef"],
      [{ ...body, email: "not an address" }, "email"],
      [{ accountExternalId: account }, "returnUrl"],
      [{ ...body, returnUrl: "javascript:alert(1)" }, "returnUrl"],
      [{ ...body, returnUrl: "/relative" }, "returnUrl"],
      [{ ...body, locale: "not a locale!" }, "locale"],
      [{ ...body, locale: 7 }, "locale"],
      [{ ...body, flow: "" }, "flow"],
      [{ ...body, extra: 1 }, "extra"],
    ];
    for (const [sent, field] of cases) {
      const answer = await refusal(await post(t.db, key, sent));
      expect({ sent, status: answer.status, fields: answer.errors?.map((e) => e.field) }).toEqual({
        sent,
        status: 400,
        fields: [field],
      });
      expect(answer.detail).toContain(field);
    }
    const unknown = await refusal(await post(t.db, key, { ...body, extra: 1 }));
    expect(unknown.detail).toBe("extra: is not a field of a cancel session");
    expect(await sessionsOf(t.db, account)).toEqual([]);
  });

  it("refuses a body over 64 kB with 413", async () => {
    const { key, body } = await client(t.db);
    const answer = await refusal(await post(t.db, key, { ...body, userRef: "x".repeat(70_000) }));
    expect(answer.status).toBe(413);
  });

  it("refuses a returnUrl whose origin is not allowed, and names CANCEL_RETURN_ORIGINS when none is", async () => {
    const { key, account, body } = await client(t.db);
    const foreign = await refusal(await post(t.db, key, { ...body, returnUrl: "https://evil.example/x" }));
    expect(foreign).toMatchObject({ status: 400, errors: [{ field: "returnUrl" }] });
    expect(foreign.detail).toContain("https://evil.example");
    // Same host, another scheme or port: another origin.
    for (const returnUrl of ["http://app.example.com/billing", "https://app.example.com:8443/billing"]) {
      expect((await post(t.db, key, { ...body, returnUrl })).status).toBe(400);
    }
    const unset = await refusal(await post(t.db, key, body, {}, { ...SETTINGS, returnOrigins: [] }));
    expect(unset).toMatchObject({ status: 400, errors: [{ field: "returnUrl" }] });
    expect(unset.detail).toContain("CANCEL_RETURN_ORIGINS");
    expect(await sessionsOf(t.db, account)).toEqual([]);
    // An allowed origin with a path and a query of its own is fine.
    const ok = await post(t.db, key, { ...body, returnUrl: "http://127.0.0.1:3100/after?tab=billing" });
    expect(ok.status).toBe(201);
  });

  it("answers 503 naming PUBLIC_URL when it is not set", async () => {
    const { key, account, body } = await client(t.db);
    const answer = await refusal(await post(t.db, key, body, {}, { ...SETTINGS, publicUrl: undefined }));
    expect(answer.status).toBe(503);
    expect(answer.detail).toContain("PUBLIC_URL");
    expect(await sessionsOf(t.db, account)).toEqual([]);
  });

  it("answers 404 naming accountExternalId for an unknown account and flow for an unknown flow", async () => {
    const { key, account, body } = await client(t.db);
    const unknown = uniqueId("cs-nobody");
    const noAccount = await refusal(await post(t.db, key, { ...body, accountExternalId: unknown }));
    expect(noAccount).toMatchObject({ status: 404, errors: [{ field: "accountExternalId" }] });
    expect(noAccount.detail).toContain(unknown);
    const noFlow = await refusal(await post(t.db, key, { ...body, flow: "cf_missing" }));
    expect(noFlow).toMatchObject({ status: 404, errors: [{ field: "flow" }] });
    expect(noFlow.detail).toContain("cf_missing");
    expect(await sessionsOf(t.db, account)).toEqual([]);
  });

  it("starts the session on the flow named by id", async () => {
    const { key, account, body } = await client(t.db);
    // Make sure the default exists, then add a targeted flow that only this request names.
    expect((await post(t.db, key, body)).status).toBe(201);
    const flowId = uniqueId("cf_named");
    await t.db.insert(cancelFlows).values({ id: flowId, isDefault: false, position: 99 });
    const [first] = await t.db.select().from(cancelFlowVersions).limit(1);
    if (!first) throw new Error("The first session made no flow.");
    await t.db.insert(cancelFlowVersions).values({
      id: uniqueId("cfv_named"),
      flowId,
      version: 1,
      name: "Named",
      // Targeted at a locale no request here speaks, so only naming it picks it.
      locales: ["zz"],
      content: first.content,
    });
    const { id } = await jsonAs(await post(t.db, key, { ...body, flow: flowId }), createdBody);
    const [row] = await t.db
      .select({ flowId: cancelFlowVersions.flowId })
      .from(cancelSessions)
      .innerJoin(cancelFlowVersions, eq(cancelFlowVersions.id, cancelSessions.flowVersionId))
      .where(eq(cancelSessions.id, id));
    expect(row?.flowId).toBe(flowId);
    expect(await sessionsOf(t.db, account)).toHaveLength(2);
  });
});

describe("Idempotency-Key", () => {
  it("replays the same 201 (the same link) for the same key and body, and makes one session", async () => {
    const { key, account, body } = await client(t.db);
    const first = await post(t.db, key, body, { "Idempotency-Key": "cancel-1" });
    const second = await post(t.db, key, body, { "Idempotency-Key": "cancel-1" });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await sessionsOf(t.db, account)).toHaveLength(1);
  });

  it("refuses the key with another body (422), and keeps no answer for a 404", async () => {
    const { key, body } = await client(t.db);
    expect((await post(t.db, key, body, { "Idempotency-Key": "cancel-2" })).status).toBe(201);
    const other = await refusal(
      await post(t.db, key, { ...body, userRef: "someone else" }, { "Idempotency-Key": "cancel-2" }),
    );
    expect(other).toMatchObject({ status: 422, errors: [{ field: "Idempotency-Key" }] });
    // A session for an account that arrives later: the retry after it arrived succeeds.
    const later = uniqueId("cs-later");
    const early = { ...body, accountExternalId: later };
    expect((await post(t.db, key, early, { "Idempotency-Key": "cancel-3" })).status).toBe(404);
    await insertAccounts(t.db, [{ id: later, events: [] }]);
    expect((await post(t.db, key, early, { "Idempotency-Key": "cancel-3" })).status).toBe(201);
  });

  it("keeps keys per API key: another key's same Idempotency-Key makes its own session", async () => {
    const { key, account, body } = await client(t.db);
    const otherKey = await makeApiKey(t.db, ["cancel"]);
    const a = await jsonAs(await post(t.db, key, body, { "Idempotency-Key": "shared" }), createdBody);
    const b = await jsonAs(await post(t.db, otherKey, body, { "Idempotency-Key": "shared" }), createdBody);
    expect(a.id).not.toBe(b.id);
    expect(await sessionsOf(t.db, account)).toHaveLength(2);
  });

  it("refuses an empty or over-long key", async () => {
    const { key, account, body } = await client(t.db);
    for (const idem of ["", "k".repeat(201)]) {
      const answer = await refusal(await post(t.db, key, body, { "Idempotency-Key": idem }));
      expect(answer).toMatchObject({ status: 400, errors: [{ field: "Idempotency-Key" }] });
    }
    expect(await sessionsOf(t.db, account)).toEqual([]);
  });
});

describe("the default flow", () => {
  const own = setupTestDbPerTest();

  it("is made by the first session of an installation with no flow, once", async () => {
    const { key, body } = await client(own.db);
    expect(await own.db.$count(cancelFlows)).toBe(0);
    const first = await jsonAs(await post(own.db, key, body), createdBody);
    await post(own.db, key, body);
    expect(await own.db.$count(cancelFlows)).toBe(1);
    expect(await own.db.$count(cancelFlowVersions)).toBe(1);
    const [row] = await own.db
      .select({ name: cancelFlowVersions.name, isDefault: cancelFlows.isDefault })
      .from(cancelSessions)
      .innerJoin(cancelFlowVersions, eq(cancelFlowVersions.id, cancelSessions.flowVersionId))
      .innerJoin(cancelFlows, eq(cancelFlows.id, cancelFlowVersions.flowId))
      .where(eq(cancelSessions.id, first.id));
    expect(row).toEqual({ name: "Default flow", isDefault: true });
  });
});

describe("GET /api/v1/cancel-sessions/{id}", () => {
  const wire = z.strictObject({
    id: z.string(),
    accountExternalId: z.string(),
    status: z.string(),
    flowVersion: z.number(),
    variant: z.string().nullable(),
    reasonCode: z.string().nullable(),
    freeText: z.string().nullable(),
    offer: z.unknown(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  });

  it("answers the session's wire shape", async () => {
    const { key, account, body } = await client(t.db);
    const { id } = await jsonAs(await post(t.db, key, body), createdBody);
    const response = await answerCancelSession(t.db, id);
    expect(response.status).toBe(200);
    expect(await jsonAs(response, wire)).toEqual({
      id,
      accountExternalId: account,
      status: "open",
      flowVersion: 1,
      variant: null,
      reasonCode: null,
      freeText: null,
      offer: null,
      // Not opened yet: started when it was made.
      startedAt: NOW.toISOString(),
      endedAt: null,
    });
  });

  it("answers 404 for an unknown id and for a preview session, 400 for an id that cannot be one", async () => {
    const { key, body } = await client(t.db);
    const { id } = await jsonAs(await post(t.db, key, body), createdBody);
    await t.db.update(cancelSessions).set({ preview: true }).where(eq(cancelSessions.id, id));
    expect((await refusal(await answerCancelSession(t.db, id))).status).toBe(404);
    expect((await refusal(await answerCancelSession(t.db, "cs_unknown"))).status).toBe(404);
    const bad = await refusal(await answerCancelSession(t.db, "cs_\u0000"));
    expect(bad).toMatchObject({ status: 400, errors: [{ field: "id" }] });
  });
});
