// The ingesting process of the PGlite stop tests: writes batches of activity into an embedded
// database with an Idempotency-Key each, printing "ack N" once batch N is acknowledged. On
// SIGTERM it finishes the batch in hand, closes the database and exits, as the server does.
import { openPglite } from "@/db/client";
import { answerIngest } from "@/lib/http/ingest-answer";
import { authenticated } from "../factories";

const [dir, token, account] = process.argv.slice(2);
if (!dir || !token || !account) throw new Error("usage: pglite-child <dir> <api key> <account>");
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});
const handle = await openPglite(dir);
const key = await authenticated(handle.db, token);
for (let b = 0; !stopping; b++) {
  const items = Array.from({ length: 200 }, (_, e) => ({
    accountExternalId: account,
    userRef: `u${e % 17}`,
    feature: "f",
    occurredAt: new Date(Date.UTC(2026, 9, 1 + (b % 28), e % 24)).toISOString(),
  }));
  const request = new Request("http://holdfast.test/api/v1/activity", {
    method: "POST",
    body: JSON.stringify({ items }),
    headers: { "content-type": "application/json", "idempotency-key": `b${b}` },
  });
  const response = await answerIngest(request, handle.db, "activity", key);
  if (response.status === 200) process.stdout.write(`ack ${b}\n`);
  // PGlite answers without touching the event loop: yield so the signal can be delivered, as
  // requests arriving over the network do in the server.
  await new Promise((resolve) => setImmediate(resolve));
}
await handle.close();
process.stdout.write("closed\n");
