// A customer's webhook endpoint for tests: node:http on 127.0.0.1 (a free port), verifying every
// request with standardwebhooks against the endpoint's secret at the current (maybe faked) clock,
// and answering what the test scripts: a status, or "hold" to keep the request open.
import http from "node:http";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  contentType: string;
  userAgent: string;
  /** Webhook.verify passed at the receiver's clock. */
  verified: boolean;
  verifyError: string | null;
}

export interface Receiver {
  url: string;
  /** The endpoint's secret, set once the endpoint is made. */
  secret: string;
  received: ReceivedWebhook[];
  /** Connections opened to it, whether or not a request followed. */
  connections(): number;
  /** Resolves when `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  /** Drops the requests held open. */
  dropHeld(): void;
  close(): Promise<void>;
}

const header = (req: http.IncomingMessage, name: string) => String(req.headers[name] ?? "");

export async function startReceiver(answer: (n: number) => number | "hold" = () => 200): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const held: http.ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let connections = 0;
  const receiver: Receiver = {
    url: "",
    secret: "",
    received,
    connections: () => connections,
    arrived: (count) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    dropHeld: () => held.splice(0).forEach((res) => res.socket?.destroy()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": header(req, "webhook-id"),
        "webhook-timestamp": header(req, "webhook-timestamp"),
        "webhook-signature": header(req, "webhook-signature"),
      };
      let verifyError: string | null = null;
      try {
        new Webhook(receiver.secret).verify(body, headers);
      } catch (error) {
        verifyError = error instanceof Error ? error.message : String(error);
      }
      received.push({
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
        body,
        contentType: header(req, "content-type"),
        userAgent: header(req, "user-agent"),
        verified: verifyError === null,
        verifyError,
      });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      const status = answer(received.length);
      if (status === "hold") held.push(res);
      else res.writeHead(status, { "content-type": "text/plain" }).end(`answer ${received.length}`);
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the receiver has no port");
  const { port } = address;
  receiver.url = `http://127.0.0.1:${port}/hooks/holdfast`;
  return receiver;
}
