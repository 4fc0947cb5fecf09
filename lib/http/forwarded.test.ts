// Addresses and CIDRs of TRUSTED_PROXIES, and the client of a forwarding chain.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cidr, clientAddress, inCidr, parseAddress, parseCidrs } from "./forwarded";

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const groups = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });
const v4Text = (b: number[]) => b.join(".");
const v6Full = (g: number[]) => g.map((n) => n.toString(16)).join(":");
/** The same IPv6 address with its longest run of zero groups written as `::`, or upper-case. */
function v6Short(g: number[]): string {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
  }
  if (best.len < 2) return v6Full(g).toUpperCase();
  const hex = (xs: number[]) => xs.map((n) => n.toString(16)).join(":");
  return `${hex(g.slice(0, best.at))}::${hex(g.slice(best.at + best.len))}`;
}
const bytesOf = (g: number[]) => g.flatMap((n) => [n >> 8, n & 255]);
const prefixEqual = (a: number[], b: number[], bits: number) => {
  for (let bit = 0; bit < bits; bit++) {
    const mask = 128 >> (bit % 8);
    if (((a[bit >> 3] ?? 0) & mask) !== ((b[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
};

describe("addresses", () => {
  it("reads every IPv4 address, and every IPv6 address written in full or with ::", () => {
    fc.assert(
      fc.property(ipv4, (b) => {
        expect(parseAddress(v4Text(b))).toEqual(b);
      }),
    );
    fc.assert(
      fc.property(groups, (g) => {
        const mapped = g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff;
        const want = mapped ? bytesOf(g).slice(12) : bytesOf(g);
        expect(parseAddress(v6Full(g))).toEqual(want);
        expect(parseAddress(v6Short(g))).toEqual(want);
      }),
    );
  });

  it("reads IPv4-mapped IPv6 as its IPv4 and refuses what is not an address", () => {
    expect(parseAddress("::ffff:127.0.0.1")).toEqual([127, 0, 0, 1]);
    expect(parseAddress("[::1]")).toEqual([...Array<number>(15).fill(0), 1]);
    expect(parseAddress("fe80::1%eth0")).toEqual([0xfe, 0x80, ...Array<number>(13).fill(0), 1]);
    for (const bad of ["", "1.2.3", "1.2.3.256", "1:2:3", "1::2::3", "12345::", "evil", "1.2.3.4.5", "::g"])
      expect(parseAddress(bad)).toBeNull();
  });
});

/** The one range a text names (the test's own texts always name one). */
function cidrOf(text: string): Cidr {
  const [cidr] = parseCidrs(text);
  if (!cidr) throw new Error(`No range in ${text}`);
  return cidr;
}

describe("CIDR matching", () => {
  it("an IPv4 address is in a /n exactly when its first n bits are the network's", () => {
    fc.assert(
      fc.property(ipv4, ipv4, fc.integer({ min: 0, max: 32 }), (net, addr, bits) => {
        const cidr = cidrOf(`${v4Text(net)}/${bits}`);
        expect(inCidr(v4Text(addr), cidr)).toBe(prefixEqual(net, addr, bits));
        expect(inCidr(v4Text(net), cidr)).toBe(true);
      }),
    );
  });

  it("an IPv6 address is in a /n exactly when its first n bits are the network's, however it is written", () => {
    const plain = groups.filter((g) => !(g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff));
    fc.assert(
      fc.property(plain, plain, fc.integer({ min: 0, max: 128 }), (net, addr, bits) => {
        const cidr = cidrOf(`${v6Short(net)}/${bits}`);
        const want = prefixEqual(bytesOf(net), bytesOf(addr), bits);
        expect(inCidr(v6Full(addr), cidr)).toBe(want);
        expect(inCidr(v6Short(addr), cidr)).toBe(want);
      }),
    );
  });

  it("never matches across families, and a bare address is a /32 or /128", () => {
    const v4 = cidrOf("0.0.0.0/0");
    const v6 = cidrOf("::/0");
    expect(inCidr("2001:db8::1", v4)).toBe(false);
    expect(inCidr("10.1.2.3", v6)).toBe(false);
    expect(inCidr("10.1.2.3", v4)).toBe(true);
    const one = cidrOf("192.0.2.1");
    expect(inCidr("192.0.2.1", one)).toBe(true);
    expect(inCidr("192.0.2.2", one)).toBe(false);
    expect(parseCidrs(" 10.0.0.0/8 , fd00::/8 ,")).toHaveLength(2);
    for (const bad of ["10.0.0.0/33", "fd00::/129", "nonsense", "10.0.0.0/x"])
      expect(() => parseCidrs(bad)).toThrow(bad);
  });
});

describe("the client of a forwarding chain", () => {
  const proxies = parseCidrs("127.0.0.1, 10.0.0.0/8");
  it("is the socket's address when no proxy is trusted, whatever the header says", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(clientAddress("203.0.113.9", header, [])).toBe("203.0.113.9");
      }),
    );
  });

  it("is the rightmost hop that is not a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.7", proxies)).toBe("198.51.100.4");
    expect(clientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(clientAddress("192.0.2.50", "6.6.6.6", proxies)).toBe("192.0.2.50");
    expect(clientAddress("::ffff:127.0.0.1", "10.0.0.1, 10.0.0.2", proxies)).toBe("10.0.0.1");
  });
});
