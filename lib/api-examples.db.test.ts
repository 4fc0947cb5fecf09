// An empty installation shows the requests to send (lib/api-examples.ts). Here those very
// commands, read back from the text a user would copy, go through the ingestion handler; after
// them the pages' data is present and the overview counts the example's one customer.
import { describe, expect, it } from "vitest";
import {
  CANCEL_SESSION_EXAMPLE,
  type ExampleResource,
  INGEST_EXAMPLES,
  cancelSessionCurl,
  curlCommand,
} from "@/lib/api-examples";
import { answerCreateCancelSession } from "@/lib/http/cancel-sessions-answer";
import { answerIngest } from "@/lib/http/ingest-answer";
import { readCurl } from "@/test/curl";
import { setupTestDb, setupTestDbPerTest } from "@/test/db";
import { authenticated } from "@/test/factories";
import { createApiKey } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { customersAt } from "@/db/queries/customers";
import { dataPresence } from "@/db/queries/presence";

const t = setupTestDb();
const KEY = "hf_example";

function requestOf(command: string, apiKey: string): Request {
  const { url, headers, body } = readCurl(command, apiKey);
  return new Request(url, { method: "POST", headers, body });
}

describe("the empty state's example requests", () => {
  it("are accepted in order, and make the data the pages need", async () => {
    expect(await dataPresence(t.db)).toEqual({ accounts: false, subscriptions: false, cancellations: false });
    const made = await createApiKey(t.db, { name: "example", scopes: ["ingest"] }, SYSTEM_ACTOR);
    const key = await authenticated(t.db, made.key);
    const order: ExampleResource[] = ["accounts", "subscription-events", "cancellations"];
    for (const resource of order) {
      const command = curlCommand("https://holdfast.example.com", resource);
      const request = requestOf(command, KEY);
      expect(request.headers.get("authorization")).toBe(`Bearer ${KEY}`);
      expect(request.url).toBe(`https://holdfast.example.com/api/v1/${resource}`);
      // The body survives the shell's quoting (the cancellation's text has an apostrophe).
      expect(JSON.parse(await request.clone().text())).toEqual({ items: INGEST_EXAMPLES[resource].items });
      const response = await answerIngest(request, t.db, resource, key);
      expect({ resource, status: response.status }).toEqual({ resource, status: 200 });
      // Sent again with its Idempotency-Key, the same batch is answered without writing twice.
      const again = await answerIngest(requestOf(command, KEY), t.db, resource, key);
      expect(again.status).toBe(200);
    }
    expect(await dataPresence(t.db)).toEqual({ accounts: true, subscriptions: true, cancellations: true });
    // One account: trial on 5 Jan 2026, converted on 19 Jan at $49.00 a month; the cancellation
    // answer is a survey answer, not a subscription event, so on 1 Feb it is one customer at 4,900 cents.
    const now = await customersAt(t.db, new Date("2026-02-01T00:00:00Z"));
    expect(now.customers).toBe(1);
    expect(now.mrrCents).toBe(4900);
  });
});

describe("the API page's cancel-session example", () => {
  // The ingestion example above needs an empty installation: this one gets a database of its own.
  const own = setupTestDbPerTest();

  it("starts a session for the example's customer once, and its retry replays the same link", async () => {
    const made = await createApiKey(own.db, { name: "example cancel", scopes: ["ingest", "cancel"] }, SYSTEM_ACTOR);
    const key = await authenticated(own.db, made.key);
    await answerIngest(
      requestOf(curlCommand("https://holdfast.example.com", "accounts"), KEY),
      own.db,
      "accounts",
      key,
    );
    const settings = {
      publicUrl: "https://holdfast.example.com",
      returnOrigins: ["https://app.example.com"],
      minutes: 60,
    };
    const command = cancelSessionCurl("https://holdfast.example.com");
    const request = requestOf(command, KEY);
    expect(request.url).toBe("https://holdfast.example.com/api/v1/cancel-sessions");
    expect(JSON.parse(await request.clone().text())).toEqual(CANCEL_SESSION_EXAMPLE.body);
    const first = await answerCreateCancelSession(request, own.db, key, settings);
    expect(first.status).toBe(201);
    const again = await answerCreateCancelSession(requestOf(command, KEY), own.db, key, settings);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const body: unknown = await first.json();
    expect(await again.json()).toEqual(body);
    expect(body).toMatchObject({ url: expect.stringMatching(/^https:\/\/holdfast\.example\.com\/cancel\//) });
  });
});
