// Over a real socket: a server that rewrites requests as scripts/http-server.ts does, answering the
// caller's address the app would see, asked with forged X-Forwarded-For headers from 127.0.0.1.
import { type IncomingMessage, type Server, createServer } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonAs } from "@/test/answers";
import { urlOf } from "@/test/server-url";
import { rewriteClientHeaders } from "./client-headers";
import { clientIp } from "./client-ip";
import { parseCidrs } from "./forwarded";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") h.set(name, value);
  return h;
}

/** Starts the rewriting server on an ephemeral port of 127.0.0.1; answers what the app would read. */
async function start(trustedProxies: string, warnings: string[] = []): Promise<string> {
  const trusted = parseCidrs(trustedProxies);
  const server = createServer((req, res) => {
    rewriteClientHeaders(req, trusted, (socket) => warnings.push(socket));
    const h = headersOf(req);
    res.end(JSON.stringify({ ip: clientIp(h), host: h.get("x-forwarded-host") }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return urlOf(server);
}

/** What the rewriting server answers: the address and host the app would read. */
const seenShape = z.looseObject({ ip: z.string(), host: z.string().nullable() });

const seen = async (url: string, headers: Record<string, string>) => jsonAs(await fetch(url, { headers }), seenShape);

describe("the caller's address over a real socket", () => {
  it("is 127.0.0.1 with no trusted proxies, whatever X-Forwarded-For, X-Real-IP or the address header say", async () => {
    const warnings: string[] = [];
    const url = await start("", warnings);
    for (const forged of ["6.6.6.6", "1.2.3.4, 5.6.7.8", "garbage", "::1"])
      expect(
        await seen(url, {
          "x-forwarded-for": forged,
          "x-real-ip": "9.9.9.9",
          "x-holdfast-client-ip": "8.8.8.8",
          "x-forwarded-host": "evil.example",
        }),
      ).toEqual({ ip: "127.0.0.1", host: null });
    expect((await seen(url, {})).ip).toBe("127.0.0.1");
    expect(warnings.length).toBeGreaterThan(0);
  });

  it("is the rightmost untrusted hop with TRUSTED_PROXIES=127.0.0.1", async () => {
    const url = await start("127.0.0.1");
    expect((await seen(url, { "x-forwarded-for": "6.6.6.6, 198.51.100.4" })).ip).toBe("198.51.100.4");
    expect((await seen(url, { "x-forwarded-for": "203.0.113.5" })).ip).toBe("203.0.113.5");
    expect((await seen(url, {})).ip).toBe("127.0.0.1");
    // From a trusted proxy, its X-Forwarded-Host stands.
    expect((await seen(url, { "x-forwarded-host": "holdfast.example" })).host).toBe("holdfast.example");
  });
});
