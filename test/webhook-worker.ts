// A webhook worker in a process of its own, for the test that kills a server mid-delivery: one
// round of due deliveries against the PostgreSQL database named on the command line.
import { openPostgres } from "@/db/client";
import { runDueJobs } from "@/lib/jobs/worker";
import { createDeliverHandler } from "@/lib/webhooks/deliver";

const url = process.argv[2];
if (!url) throw new Error("usage: webhook-worker.ts <postgres url>");
const handle = await openPostgres(url, 2);
await runDueJobs(handle.db, {
  workerId: "doomed-worker",
  handlers: { "webhook.deliver": createDeliverHandler({ allowPrivate: true }) },
  kinds: ["webhook.deliver"],
});
await handle.close();
