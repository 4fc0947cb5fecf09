// Where Holdfast may send webhooks and Slack posts: https URLs whose host resolves only to public
// addresses (no private, loopback, link-local, unique-local, CGNAT, multicast or reserved one, nor
// an IPv4-mapped IPv6 form of those). ALLOW_PRIVATE_WEBHOOKS=true lifts both rules, for tests.
// The check runs when an endpoint is saved and again at send, where `guardedLookup` also refuses a
// private answer at connection time, so a name that later resolves elsewhere (DNS rebinding) is
// refused too.
import dns from "node:dns";
import { type LookupFunction, isIPv4 } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

export type Resolve = (hostname: string) => Promise<string[]>;

export interface UrlGuardOptions {
  /** Lifts the https and the address rule; defaults to ALLOW_PRIVATE_WEBHOOKS. */
  allowPrivate?: boolean;
  /** Resolves a host name to its addresses (injected in tests); defaults to the system resolver. */
  lookup?: Resolve;
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Every address the system resolver gives for a name, IPv4 and IPv6. */
export const systemResolve: Resolve = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * True when an address may be sent to: a global unicast one. Anything ipaddr.js classes otherwise
 * (private, loopback, linkLocal, uniqueLocal, carrierGradeNat, unspecified, multicast, broadcast,
 * reserved, 6to4, teredo, NAT64 …) is refused, as is text that is not an address.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(bare)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so the mapped form is classed as its IPv4.
  return ipaddr.process(bare).range() === "unicast";
}

function refusedAddressMessage(address: string): string {
  return `URL must not point to a private, loopback or link-local address (${address}).`;
}

function allowPrivateDefault(opts?: UrlGuardOptions): boolean {
  return opts?.allowPrivate ?? env().ALLOW_PRIVATE_WEBHOOKS;
}

/**
 * Checks a webhook or Slack URL; `url` is the URL as the WHATWG parser writes it, so numeric hosts
 * (http://2130706433, 0x7f.1) are already dotted addresses when the address rule looks at them.
 */
export async function checkWebhookUrl(raw: string, opts?: UrlGuardOptions): Promise<UrlCheck> {
  const allowPrivate = allowPrivateDefault(opts);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "URL must be a full address such as https://example.com/webhooks." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: allowPrivate ? "URL must use http or https." : "URL must use https." };
  }
  if (url.username || url.password) return { ok: false, message: "URL must not contain a user name or password." };
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) return { ok: false, message: "URL must name a host." };
  if (!allowPrivate) {
    let addresses: string[];
    if (ipaddr.isValid(host)) addresses = [host];
    // A named http host is refused for its scheme before any lookup; a literal address is named
    // by the address rule first (http://10.0.0.1 is refused for the address).
    else if (url.protocol !== "https:") return { ok: false, message: "URL must use https." };
    else {
      try {
        addresses = await (opts?.lookup ?? systemResolve)(host);
      } catch {
        addresses = [];
      }
      if (addresses.length === 0) return { ok: false, message: `URL's host does not resolve (${host}).` };
    }
    const refused = addresses.find((a) => !isPublicAddress(a));
    if (refused) return { ok: false, message: refusedAddressMessage(refused) };
    if (url.protocol !== "https:") return { ok: false, message: "URL must use https." };
  }
  return { ok: true, url: url.href };
}

/**
 * A `lookup` for node:http(s) `request` (and node:net `connect`): resolves the name, checks every
 * address and fails the connection when one is refused, so the address rule holds at send time
 * whatever the name resolved to when the endpoint was saved. With `allowPrivate` it resolves only.
 */
export function guardedLookup(opts?: UrlGuardOptions): LookupFunction {
  const allowPrivate = allowPrivateDefault(opts);
  const resolve = opts?.lookup ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`URL's host does not resolve (${hostname}).`), { code: "ENOTFOUND" }), "");
          return;
        }
        const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a));
        if (refused) {
          callback(Object.assign(new Error(refusedAddressMessage(refused)), { code: "EADDRNOTALLOWED" }), "");
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const all = addresses
          .map((address) => ({ address, family: isIPv4(address) ? 4 : 6 }))
          .filter((a) => !wanted || a.family === wanted);
        const first = all[0];
        if (!first) {
          callback(
            Object.assign(new Error(`URL's host has no IPv${wanted} address (${hostname}).`), { code: "ENOTFOUND" }),
            "",
          );
          return;
        }
        if (options.all) callback(null, all);
        else callback(null, first.address, first.family);
      },
      (error: unknown) =>
        callback(
          Object.assign(new Error(`URL's host does not resolve (${hostname}).`), {
            code: "ENOTFOUND",
            cause: error,
          }),
          "",
        ),
    );
  };
}
