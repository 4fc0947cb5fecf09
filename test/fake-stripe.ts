// A local HTTP server speaking the part of Stripe's API the cancel flow uses (no network to Stripe
// exists here): it records every request the official SDK sends — method, path, Idempotency-Key and
// the form body as ordered pairs — answers subscriptions with a plausible object, and can be told
// to fail the next requests with a status.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  /** The form body's fields in order, as `[key, value]` ("pause_collection[behavior]", "void"). */
  form: [string, string][];
}

export interface FakeStripe {
  /** For STRIPE_API_BASE: http://127.0.0.1:<port>. */
  url: string;
  requests: StripeRequest[];
  /** The next `count` requests are answered `status` (an api_error), then normal service resumes. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

function subscription(id: string) {
  return {
    id,
    object: "subscription",
    status: "active",
    metadata: {},
    items: { object: "list", data: [{ id: "si_fake_1", object: "subscription_item" }], has_more: false },
  };
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  let failing = 0;
  let failStatus = 500;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      requests.push({
        method: req.method ?? "",
        path,
        idempotencyKey: req.headers["idempotency-key"]?.toString() ?? null,
        authorization: req.headers.authorization ?? null,
        form: [...new URLSearchParams(body)],
      });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${requests.length}` });
        res.end(JSON.stringify(json));
      };
      if (failing > 0) {
        failing--;
        return send(failStatus, { error: { type: "api_error", message: "An unexpected error occurred." } });
      }
      const match = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
      if (!match?.[1]) return send(404, { error: { type: "invalid_request_error", message: `No route ${path}` } });
      return send(200, subscription(decodeURIComponent(match[1])));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(count, status = 500) {
      failing = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
