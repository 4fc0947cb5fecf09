// The ingestion API's request handler as a test client: each client has an API key of its own.
import type { Db } from "@/db/client";
import { answerIngest } from "@/lib/http/ingest-answer";
import type { IngestResource } from "@/lib/types/ingest";
import { jsonAs, jsonObject } from "./answers";
import { makeApiKey } from "./factories";

/** The ingestion handler, called with a new API key of its own (so its Idempotency-Keys are its own too). */
export async function apiClient(db: Db) {
  const key = await makeApiKey(db);
  async function post(resource: IngestResource, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const response = await answerIngest(
      new Request(`http://holdfast.test/api/v1/${resource}`, {
        method: "POST",
        body: text,
        headers: { "content-type": "application/json", ...headers },
      }),
      db,
      resource,
      key,
    );
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: await jsonAs(response, jsonObject),
    };
  }
  return { key, post };
}
