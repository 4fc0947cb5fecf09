// Over a real socket: rotating X-Forwarded-For does not escape the per-IP sign-in limit, because
// the address comes from the socket (rewritten as scripts/http-server.ts does) and not the header.
import { type Server, createServer } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { rewriteClientHeaders } from "@/lib/http/client-headers";
import { clientIp } from "@/lib/http/client-ip";
import { jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { urlOf } from "@/test/server-url";
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
    const url = urlOf(server);
    const reasons: string[] = [];
    for (let i = 0; i < 25; i++) {
      const answer = await fetch(`${url}/?email=rotating${i}@example.com`, {
        headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` },
      });
      reasons.push((await jsonAs(answer, z.looseObject({ reason: z.string().optional() }))).reason ?? "ok");
    }
    expect(reasons.slice(0, 20).every((r) => r !== "rate_limited")).toBe(true);
    expect(reasons.slice(20)).toEqual(Array(5).fill("rate_limited"));
  });
});
