// Who is calling, from the socket and the reverse proxies named in TRUSTED_PROXIES: the client is the
// rightmost X-Forwarded-For hop that is not a trusted proxy, walking leftwards from the socket's
// address; with no trusted proxy it is the socket's address, whatever the client sent.

export interface Cidr {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
  bits: number;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseIpv6(text: string): number[] | null {
  let rest = text;
  let tail: number[] = [];
  const lastColon = rest.lastIndexOf(":");
  if (rest.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(rest.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    rest = `${rest.slice(0, lastColon + 1)}0`;
  }
  const halves = rest.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0] ?? "");
  const back = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (tail.length) (halves.length === 2 ? back : head).pop();
  const want = tail.length ? 6 : 8;
  const missing = want - head.length - back.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(missing).fill("0"), ...back];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 255);
  }
  return [...bytes, ...tail];
}

/** An address as bytes (an IPv4-mapped IPv6 address as its IPv4), or null when it is not one. */
export function parseAddress(text: string): number[] | null {
  const bare = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  const bytes = bare.includes(":") ? parseIpv6(bare) : parseIpv4(bare);
  if (bytes?.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255)
    return bytes.slice(12);
  return bytes;
}

/** The address as text: IPv4 dotted, IPv6 as written by Node (an IPv4-mapped one as its IPv4). */
export function normalizeAddress(text: string): string {
  const bytes = parseAddress(text);
  if (bytes?.length === 4) return bytes.join(".");
  return text.trim().replace(/^\[(.*)\]$/, "$1");
}

/** `10.0.0.0/8, 192.168.1.5, fd00::/8` → CIDRs; throws naming an entry that is not one. */
export function parseCidrs(list: string | undefined): Cidr[] {
  const entries = (list ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const [addr = "", bitsText] = entry.split("/");
    const bytes = parseAddress(addr);
    const max = (bytes?.length ?? 0) * 8;
    const mapped = bytes?.length === 4 && addr.includes(":");
    const bits = bitsText === undefined ? max : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) - (mapped ? 96 : 0) : NaN;
    if (!bytes || !(bits >= 0 && bits <= max))
      throw new Error(`TRUSTED_PROXIES: “${entry}” is not an IP address or CIDR`);
    return { bytes, bits };
  });
}

export function inCidr(address: string, cidr: Cidr): boolean {
  const bytes = parseAddress(address);
  if (!bytes || bytes.length !== cidr.bytes.length) return false;
  for (let bit = 0; bit < cidr.bits; bit++) {
    const mask = 128 >> (bit % 8);
    const i = Math.floor(bit / 8);
    if (((bytes[i] ?? 0) & mask) !== ((cidr.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

export const isTrusted = (address: string, trusted: Cidr[]) => trusted.some((c) => inCidr(address, c));

/** The client's address: the rightmost hop of `X-Forwarded-For` + socket that is not a trusted proxy. */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, trusted: Cidr[]): string {
  const hops = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
    socketAddress,
  ];
  for (let i = hops.length - 1; i > 0; i--) {
    const hop = hops[i] ?? "";
    if (!isTrusted(hop, trusted)) return normalizeAddress(hop).slice(0, 100);
  }
  return normalizeAddress(hops[0] ?? socketAddress).slice(0, 100);
}
