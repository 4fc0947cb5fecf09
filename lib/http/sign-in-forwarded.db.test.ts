// Over a real socket: rotating X-Forwarded-For does not escape the per-IP sign-in limit, because
// the address comes from the socket (rewritten as scripts/http-server.ts does) and not the header.
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { rewriteClientHeaders } from "@/lib/http/client-headers";
import { clientIp } from "@/lib/http/client-ip";
import { setupTestDb } from "@/test/db";
import { attemptSignIn } from "@/db/queries/sign-in";

const t = setupTestDb();
let server: Server | undefined;
afterAll(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

describe("the per-IP sign-in limit over a real socket", () => {
  it("refuses the 21st failed sign-in from 127.0.0.1 although every attempt forges another X-Forwarded-For", async () => {
    server = createServer((req, res) => {
      rewriteClientHeaders(req, []);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const email = new URL(req.url ?? "/", "http://x").searchParams.get("email") ?? "";
      void attemptSignIn(t.db, { ip: clientIp(headers), email, password: "wrong-password" }).then((outcome) =>
        res.end(JSON.stringify(outcome)),
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const reasons: string[] = [];
    for (let i = 0; i < 25; i++) {
      const answer = await fetch(`${url}/?email=rotating${i}@example.com`, {
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` },
      });
      reasons.push(((await answer.json()) as { reason?: string }).reason ?? "ok");
    }
    expect(reasons.slice(0, 20).every((r) => r !== "rate_limited")).toBe(true);
    expect(reasons.slice(20)).toEqual(Array(5).fill("rate_limited"));
  });
});
