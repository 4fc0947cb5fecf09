// Answers POST /api/v1/cancel-sessions and GET /api/v1/cancel-sessions/{id} on a given database
// with given settings (SPEC §7): the settings, the body and its return URL are checked here, the
// session is made once per Idempotency-Key (db/queries/cancel-session-create.ts), and every refusal
// is problem+json naming the field or the setting.
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import type { ApiKeyIdentity } from "@/db/queries/api-keys";
import { createApiCancelSession } from "@/db/queries/cancel-session-create";
import { cancelSessionById, cancelSessionWire } from "@/db/queries/cancel-sessions";
import { DEFAULT_FLOW_NAME, defaultFlowContent } from "@/lib/cancel/defaults";
import type { CancelSettings } from "@/lib/env";
import {
  MAX_CANCEL_SESSION_BODY_BYTES,
  cancelSessionIdParam,
  createCancelSessionSchema,
  localeFromAcceptLanguage,
} from "@/lib/validation/cancel-sessions";
import { json, problem } from "./problem";

export const CANCEL_SESSIONS_ENDPOINT = "POST /api/v1/cancel-sessions";

const invalid = (field: string, message: string, detail = `${field}: ${message}`) =>
  problem(400, "Invalid body", detail, { errors: [{ field, message }] });

/** The 201 body: what the customer's backend needs to send the browser on and to check back later. */
function created(publicUrl: string, made: { id: string; token: string; expiresAt: Date }) {
  return {
    status: 201,
    body: JSON.stringify({
      id: made.id,
      url: `${publicUrl}/cancel/${made.token}`,
      expiresAt: made.expiresAt.toISOString(),
    }),
  };
}

const respond = (answer: { status: number; body: string }, headers: Record<string, string> = {}) =>
  new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });

export async function answerCreateCancelSession(
  request: Request,
  db: Db,
  key: ApiKeyIdentity,
  settings: CancelSettings,
  now?: Date,
): Promise<Response> {
  const { publicUrl } = settings;
  if (!publicUrl) {
    return problem(
      503,
      "Not configured",
      "PUBLIC_URL is not set: Holdfast cannot give a cancel link without the address customers reach it at.",
    );
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CANCEL_SESSION_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_CANCEL_SESSION_BODY_BYTES) return tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem(400, "Invalid JSON", "The body is not valid JSON.", {
      errors: [{ field: "body", message: "is not valid JSON" }],
    });
  }
  const parsed = createCancelSessionSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "body"),
      message: i.code === "unrecognized_keys" ? "is not a field of a cancel session" : i.message,
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return problem(400, "Invalid body", detail, { errors });
  }
  const body = parsed.data;
  if (settings.returnOrigins.length === 0) {
    return invalid(
      "returnUrl",
      "no return origin is allowed",
      "CANCEL_RETURN_ORIGINS is not set: name the origins a returnUrl may lead back to (e.g. https://app.example.com).",
    );
  }
  const origin = new URL(body.returnUrl).origin;
  if (!settings.returnOrigins.includes(origin)) {
    return invalid(
      "returnUrl",
      `its origin ${origin} is not in CANCEL_RETURN_ORIGINS`,
      `returnUrl: its origin ${origin} is not one of CANCEL_RETURN_ORIGINS (${settings.returnOrigins.join(", ")}).`,
    );
  }

  const idem = request.headers.get("idempotency-key");
  if (idem !== null && (idem.length === 0 || idem.length > 200)) {
    return problem(400, "Invalid Idempotency-Key", "Idempotency-Key must be 1–200 characters.", {
      errors: [{ field: "Idempotency-Key", message: "must be 1–200 characters" }],
    });
  }
  const locale = body.locale ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  const outcome = await createApiCancelSession(db, {
    session: {
      accountExternalId: body.accountExternalId,
      userRef: body.userRef,
      email: body.email,
      returnUrl: body.returnUrl,
      locale,
      flowId: body.flow,
    },
    apiKeyId: key.id,
    actor: { type: "api_key", id: key.id, label: `API key ${key.name}` },
    minutes: settings.minutes,
    defaultFlow: { name: DEFAULT_FLOW_NAME, content: defaultFlowContent() },
    claim:
      idem === null
        ? undefined
        : {
            apiKeyId: key.id,
            key: idem,
            endpoint: CANCEL_SESSIONS_ENDPOINT,
            bodyHash: crypto.createHash("sha256").update(text).digest("hex"),
          },
    keep: (made) => created(publicUrl, made),
    now,
  });
  switch (outcome.kind) {
    case "replay":
      return respond(outcome.kept, { "idempotent-replayed": "true" });
    case "running":
      return problem(409, "Conflict", "A request with this Idempotency-Key is still being processed; retry shortly.");
    case "mismatch":
      return problem(
        422,
        "Idempotency-Key reused",
        "This Idempotency-Key was used with another request body or endpoint.",
        { errors: [{ field: "Idempotency-Key", message: "was used with another body" }] },
      );
  }
  const { result } = outcome;
  if (result.ok) return respond(created(publicUrl, result.session));
  if (result.reason === "unknown-account") {
    return problem(404, "Not found", `accountExternalId: no account with externalId ${body.accountExternalId}.`, {
      errors: [{ field: "accountExternalId", message: "is not a known account" }],
    });
  }
  return problem(404, "Not found", `flow: no cancel flow with id ${body.flow ?? ""} (or it is archived).`, {
    errors: [{ field: "flow", message: "is not a cancel flow" }],
  });
}

function tooLarge(): Response {
  return problem(
    413,
    "Payload too large",
    `A cancel session's body may be at most ${MAX_CANCEL_SESSION_BODY_BYTES / 1024} kB.`,
  );
}

/** The session as the API and the webhook give it; a preview (an admin's test) is not the API's to show. */
export async function answerCancelSession(db: Db, raw: string): Promise<Response> {
  const parsed = cancelSessionIdParam.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is not a session id";
    return problem(400, "Invalid path parameter", `id: ${message}`, { errors: [{ field: "id", message }] });
  }
  const loaded = await cancelSessionById(db, parsed.data);
  if (!loaded || loaded.session.preview) return problem(404, "Not found", `No cancel session with id ${parsed.data}.`);
  return json(cancelSessionWire(loaded));
}
