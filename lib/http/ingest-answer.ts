// Answers one ingestion request on a given database: size limits, the batch envelope, the
// Idempotency-Key, then the batch itself. Everything but the caller's authentication.
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import type { ApiKeyIdentity } from "@/db/queries/api-keys";
import { claimInTransaction, keepAnswer } from "@/db/queries/idempotency";
import { type IngestOutcome, ingestBatch, retrying, write } from "@/db/queries/ingest";
import { type IngestResource, MAX_BODY_BYTES, MAX_ITEMS, batchEnvelope } from "@/lib/validation/ingest";
import { problem } from "./problem";

const TOO_LARGE = () =>
  problem(
    413,
    "Payload too large",
    `A request may carry at most ${MAX_ITEMS} items and ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  );

function answerFor(outcome: IngestOutcome): { status: number; body: string; type: string } {
  if (outcome.ok)
    return {
      status: 200,
      body: JSON.stringify({ accepted: outcome.accepted, skipped: outcome.skipped }),
      type: "application/json",
    };
  const items = new Set(outcome.errors.map((e) => e.item)).size;
  return {
    status: 400,
    type: "application/problem+json",
    body: JSON.stringify({
      type: "about:blank",
      title: "Invalid items",
      status: 400,
      detail: `${items} ${items === 1 ? "item is" : "items are"} invalid; nothing was written.`,
      errors: outcome.errors,
    }),
  };
}

export async function answerIngest(
  request: Request,
  db: Db,
  resource: IngestResource,
  key: ApiKeyIdentity,
): Promise<Response> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return TOO_LARGE();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return TOO_LARGE();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return problem(400, "Invalid JSON", "The body is not valid JSON.", {
      errors: [{ field: "body", message: "is not valid JSON" }],
    });
  }
  const envelope = batchEnvelope.safeParse(json);
  if (!envelope.success) {
    const errors = envelope.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
    return problem(400, "Invalid body", 'The body must be {"items": [...]}.', { errors });
  }
  const items = envelope.data.items;
  if (items.length > MAX_ITEMS) return TOO_LARGE();

  const idem = request.headers.get("idempotency-key");
  if (idem !== null && (idem.length === 0 || idem.length > 200)) {
    return problem(400, "Invalid Idempotency-Key", "Idempotency-Key must be 1–200 characters.", {
      errors: [{ field: "Idempotency-Key", message: "must be 1–200 characters" }],
    });
  }
  const actor = { type: "api_key" as const, id: key.id, label: `API key ${key.name}` };
  if (idem === null) {
    const a = answerFor(await ingestBatch(db, resource, items, actor));
    return new Response(a.body, { status: a.status, headers: { "content-type": a.type } });
  }

  const claim = {
    apiKeyId: key.id,
    key: idem,
    endpoint: `POST /api/v1/${resource}`,
    bodyHash: crypto.createHash("sha256").update(text).digest("hex"),
  };
  const result = await retrying(db, async (tx) => {
    const found = await claimInTransaction(tx, claim.apiKeyId, claim.key, claim.endpoint, claim.bodyHash);
    if (found.kind !== "new") return found;
    const outcome = await write(tx, resource, items, actor);
    const answer = answerFor(outcome);
    // Only a written batch keeps its answer: a refused one leaves nothing, its key included.
    if (outcome.ok) await keepAnswer(tx, claim, answer.status, answer.body);
    return { kind: "answer" as const, answer };
  });
  if (result.kind === "replay") {
    return new Response(result.body, {
      status: result.status,
      headers: {
        "content-type": result.status === 200 ? "application/json" : "application/problem+json",
        "idempotent-replayed": "true",
      },
    });
  }
  if (result.kind === "running")
    return problem(409, "Conflict", "A request with this Idempotency-Key is still being processed; retry shortly.");
  if (result.kind === "mismatch") {
    return problem(
      422,
      "Idempotency-Key reused",
      "This Idempotency-Key was used with another request body or endpoint.",
      {
        errors: [{ field: "Idempotency-Key", message: "was used with another body" }],
      },
    );
  }
  return new Response(result.answer.body, {
    status: result.answer.status,
    headers: { "content-type": result.answer.type },
  });
}
