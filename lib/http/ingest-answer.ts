// Answers one ingestion request on a given database: size limits, the batch envelope, the
// Idempotency-Key and the items' schemas are checked here; db/queries/ingest writes (once), and
// its outcome is worded here. Everything but the caller's authentication.
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import type { ApiKeyIdentity } from "@/db/queries/api-keys";
import { ingestBatch, ingestOnce } from "@/db/queries/ingest";
import type { IngestOutcome, IngestResource } from "@/lib/types/ingest";
import { MAX_BODY_BYTES, MAX_ITEMS, batchEnvelope, checkItems } from "@/lib/validation/ingest";
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

const respond = (a: { status: number; body: string; type: string }) =>
  new Response(a.body, { status: a.status, headers: { "content-type": a.type } });

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
  const batch = checkItems(resource, items);
  if (idem === null) return respond(answerFor(await ingestBatch(db, resource, batch, actor)));

  const result = await ingestOnce(db, {
    resource,
    batch,
    actor,
    claim: {
      apiKeyId: key.id,
      key: idem,
      endpoint: `POST /api/v1/${resource}`,
      bodyHash: crypto.createHash("sha256").update(text).digest("hex"),
    },
    keep: (written) => answerFor({ ok: true, ...written }),
  });
  if (result.kind === "replay") {
    return new Response(result.kept.body, {
      status: result.kept.status,
      headers: {
        "content-type": result.kept.status === 200 ? "application/json" : "application/problem+json",
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
  return respond(answerFor(result.outcome));
}
