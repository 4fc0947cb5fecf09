// The webhook URL rules: https, no credentials, and no address that is not public, checked on the
// URL and, through the guarded lookup, again when a connection is opened.
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { checkWebhookUrl, guardedLookup, isPublicAddress } from "./url-guard";

const publicName = async () => ["93.184.216.34"];
const strict = { allowPrivate: false, lookup: publicName };
const refusedMessage = (address: string) =>
  `URL must not point to a private, loopback or link-local address (${address}).`;

describe("checkWebhookUrl", () => {
  it("accepts a public https URL", async () => {
    expect(await checkWebhookUrl("https://hooks.example.com/holdfast", strict)).toEqual({
      ok: true,
      url: "https://hooks.example.com/holdfast",
    });
  });

  it.each([
    ["https://127.0.0.1/hook", "127.0.0.1"],
    ["https://10.0.0.1/hook", "10.0.0.1"],
    ["https://172.16.4.2/", "172.16.4.2"],
    ["https://192.168.1.20/", "192.168.1.20"],
    ["https://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["https://100.64.0.1/", "100.64.0.1"],
    ["https://0.0.0.0/", "0.0.0.0"],
    ["https://224.0.0.1/", "224.0.0.1"],
    ["https://255.255.255.255/", "255.255.255.255"],
    ["https://[::1]/", "::1"],
    ["https://[::]/", "::"],
    ["https://[fe80::1]/", "fe80::1"],
    ["https://[fd12:3456::1]/", "fd12:3456::1"],
    ["https://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["https://[::ffff:10.0.0.1]/", "::ffff:a00:1"],
    // Numeric spellings the URL parser turns into 127.0.0.1.
    ["https://2130706433/", "127.0.0.1"],
    ["https://0x7f.1/", "127.0.0.1"],
    ["https://0177.0.0.1/", "127.0.0.1"],
  ])("refuses %s as a private address", async (url, address) => {
    expect(await checkWebhookUrl(url, strict)).toEqual({ ok: false, message: refusedMessage(address) });
  });

  it("refuses a name that resolves to a private address, naming the address", async () => {
    const lookup = async () => ["93.184.216.34", "10.1.2.3"];
    expect(await checkWebhookUrl("https://internal.example.com/", { allowPrivate: false, lookup })).toEqual({
      ok: false,
      message: refusedMessage("10.1.2.3"),
    });
  });

  it("refuses http, other schemes, credentials, text that is no URL, and a name that does not resolve", async () => {
    expect(await checkWebhookUrl("http://hooks.example.com/", strict)).toEqual({
      ok: false,
      message: "URL must use https.",
    });
    expect(await checkWebhookUrl("ftp://hooks.example.com/", strict)).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("https://user:pw@hooks.example.com/", strict)).toEqual({
      ok: false,
      message: "URL must not contain a user name or password.",
    });
    expect(await checkWebhookUrl("hooks.example.com", strict)).toMatchObject({ ok: false });
    const nowhere = await checkWebhookUrl("https://nowhere.example/", { allowPrivate: false, lookup: async () => [] });
    expect(nowhere).toEqual({ ok: false, message: "URL's host does not resolve (nowhere.example)." });
    const failing = async (): Promise<string[]> => Promise.reject(new Error("ENOTFOUND"));
    expect(await checkWebhookUrl("https://nowhere.example/", { allowPrivate: false, lookup: failing })).toMatchObject({
      ok: false,
    });
  });

  it("is strict by default: without ALLOW_PRIVATE_WEBHOOKS, loopback and http are refused", async () => {
    expect(process.env.ALLOW_PRIVATE_WEBHOOKS ?? "").toBe("");
    expect(await checkWebhookUrl("http://127.0.0.1:4000/hook")).toEqual({
      ok: false,
      message: refusedMessage("127.0.0.1"),
    });
    expect(await checkWebhookUrl("http://hooks.example.com/", { lookup: publicName })).toEqual({
      ok: false,
      message: "URL must use https.",
    });
  });

  it("allowPrivate lifts the https and the address rules, not the credentials rule", async () => {
    expect(await checkWebhookUrl("http://127.0.0.1:4000/hook", { allowPrivate: true })).toEqual({
      ok: true,
      url: "http://127.0.0.1:4000/hook",
    });
    expect(await checkWebhookUrl("http://a:b@127.0.0.1/", { allowPrivate: true })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("ftp://127.0.0.1/", { allowPrivate: true })).toEqual({
      ok: false,
      message: "URL must use http or https.",
    });
  });

  it("refuses a named http host for its scheme before looking the name up", async () => {
    const lookups: string[] = [];
    const counting = async (host: string) => {
      lookups.push(host);
      return [];
    };
    expect(await checkWebhookUrl("http://hooks.example.com/", { allowPrivate: false, lookup: counting })).toEqual({
      ok: false,
      message: "URL must use https.",
    });
    expect(lookups).toEqual([]);
  });
});

describe("isPublicAddress", () => {
  it("classes addresses with ipaddr.js", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
    for (const a of ["127.0.0.1", "::ffff:192.168.0.1", "64:ff9b::a00:1", "2001:db8::1", "fc00::1", "not an ip"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});

describe("guardedLookup at connection time", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function receiver(): Promise<{ port: number; connections: () => number }> {
    let connections = 0;
    server = http.createServer((_req, res) => res.end("ok"));
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const address = server?.address();
    if (!address || typeof address === "string") throw new Error("the receiver has no port");
    return { port: address.port, connections: () => connections };
  }

  function get(port: number, lookup: ReturnType<typeof guardedLookup>): Promise<number | string> {
    return new Promise((resolve) => {
      const req = http.request({ host: "rebound.example.com", port, path: "/", agent: false, lookup }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", (error) => resolve(error.message));
      req.end();
    });
  }

  it("fails the connection when the name now resolves to a private address (DNS rebinding)", async () => {
    const { port, connections } = await receiver();
    const lookup = guardedLookup({ allowPrivate: false, lookup: async () => ["127.0.0.1"] });
    expect(await get(port, lookup)).toBe(refusedMessage("127.0.0.1"));
    expect(connections()).toBe(0);
  });

  it("connects when private addresses are allowed", async () => {
    const { port, connections } = await receiver();
    const lookup = guardedLookup({ allowPrivate: true, lookup: async () => ["127.0.0.1"] });
    expect(await get(port, lookup)).toBe(200);
    expect(connections()).toBe(1);
  });
});
