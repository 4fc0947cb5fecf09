// Sends one webhook delivery (a `webhook.deliver` job): signs it for now, POSTs it to the endpoint
// with a 10 s limit through a connection whose address is checked as it is opened, and logs the
// attempt. A 2xx is a success; anything else throws, so the worker retries with backoff until the
// delivery's 24-hour deadline, and then marks it failed.
import http from "node:http";
import https from "node:https";
import {
  type DeliveryJobPayload,
  deliveryToSend,
  failDelivery,
  recordAttempt,
  settleFailedDelivery,
} from "@/db/queries/webhook-deliveries";
import type { Job } from "@/db/queries/jobs";
import type { JobHandler } from "@/lib/jobs/types";
import { signWebhook } from "./sign";
import { type Resolve, checkWebhookUrl, guardedLookup } from "./url-guard";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const USER_AGENT = "Holdfast-Webhooks/1.0";
/** How much of an endpoint's answer is kept in the attempt log. */
const RESPONSE_BYTES = 2048;

export interface DeliverOptions {
  /** Lets deliveries reach http and private addresses; defaults to ALLOW_PRIVATE_WEBHOOKS (tests only). */
  allowPrivate?: boolean;
  /** Resolves host names (injected in tests); defaults to the system resolver. */
  lookup?: Resolve;
  timeoutMs?: number;
}

export interface Answer {
  statusCode: number | null;
  response: string;
  error: string | null;
}

function deliveryPayload(job: Job): DeliveryJobPayload {
  const payload = job.payload;
  if (typeof payload !== "object" || payload === null || !("deliveryId" in payload)) {
    throw new Error(`Job ${job.id} has no delivery id.`);
  }
  const { deliveryId } = payload;
  if (typeof deliveryId !== "string") throw new Error(`Job ${job.id} has no delivery id.`);
  const trigger = "trigger" in payload && payload.trigger === "replay" ? "replay" : "automatic";
  return { deliveryId, trigger };
}

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(errorText).join("; ");
  return error instanceof Error ? error.message : String(error);
}

/**
 * One POST through the address guard (webhooks and Slack posts): the status and the first 2 kB of
 * the answer, or the error when no answer came.
 */
export function guardedPost(
  target: string,
  signed: { body: string; headers: Record<string, string> },
  opts: DeliverOptions,
): Promise<Answer> {
  const url = new URL(target);
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const req = send(
      url,
      {
        method: "POST",
        headers: {
          ...signed.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(signed.body)),
          "user-agent": USER_AGENT,
        },
        // A new connection each time, opened through the address check (no pooled socket skips it).
        agent: false,
        lookup: guardedLookup({ allowPrivate: opts.allowPrivate, lookup: opts.lookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const response = Buffer.concat(chunks).subarray(0, RESPONSE_BYTES).toString("utf8");
          finish({ statusCode: res.statusCode ?? null, response, error: null });
          res.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
        res.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      const limit = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
      req.destroy(new Error(`No answer within ${limit / 1000} s.`));
    }, opts.timeoutMs ?? DELIVERY_TIMEOUT_MS);
    req.on("error", (error) => finish({ statusCode: null, response: "", error: errorText(error) }));
    req.end(signed.body);
  });
}

/**
 * The `webhook.deliver` handler. Rules besides the obvious ones:
 * - a delivery that is gone (its endpoint deleted) is nothing to do;
 * - a queued send of a delivery that already succeeded (the server stopped between logging the
 *   answer and finishing the job) is not sent again; a replay always is;
 * - an endpoint switched off: the delivery fails for good, and the log says why in an attempt with
 *   no status (no request is made), so an admin reading it knows; it can be replayed once enabled.
 */
export function createDeliverHandler(opts: DeliverOptions = {}): JobHandler {
  return {
    async run({ db, job, now }) {
      const { deliveryId, trigger } = deliveryPayload(job);
      const delivery = await deliveryToSend(db, deliveryId);
      if (!delivery) return;
      if (trigger === "automatic" && delivery.status === "succeeded") return;
      const signed = signWebhook(delivery, delivery.secret, now);
      const log = (answer: Answer, durationMs: number) =>
        recordAttempt(db, {
          deliveryId,
          at: now,
          signedAt: signed.signedAt,
          trigger,
          durationMs,
          ...answer,
          succeeded: answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300,
        });
      if (!delivery.enabled) {
        await log({ statusCode: null, response: "", error: "Not sent: the endpoint is disabled." }, 0);
        await failDelivery(db, deliveryId);
        return;
      }
      const started = performance.now();
      // The URL rules again at send (a literal address never goes through the lookup), then the
      // connection's own lookup refuses a name that now resolves to a private address.
      const check = await checkWebhookUrl(delivery.url, { allowPrivate: opts.allowPrivate, lookup: opts.lookup });
      const answer: Answer = check.ok
        ? await guardedPost(check.url, signed, opts)
        : { statusCode: null, response: "", error: `Not sent: ${check.message}` };
      await log(answer, Math.round(performance.now() - started));
      if (answer.statusCode === null) throw new Error(answer.error ?? "No answer.");
      if (answer.statusCode < 200 || answer.statusCode >= 300) {
        throw new Error(`The endpoint answered ${answer.statusCode}.`);
      }
    },
    async onFailed({ db, job }) {
      await settleFailedDelivery(db, deliveryPayload(job).deliveryId);
    },
  };
}

/** The server's handler: the address rules follow ALLOW_PRIVATE_WEBHOOKS (off unless set). */
export const deliverWebhook: JobHandler = createDeliverHandler();
