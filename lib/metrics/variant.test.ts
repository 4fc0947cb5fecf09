import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { variantFor, variantPosition } from "./variant";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Session ids shaped as Holdfast makes them: `cs_` and 24 lowercase letters and digits. */
const sessionId = () => `cs_${Array.from({ length: 24 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
const TEN_THOUSAND = Array.from({ length: 10_000 }, sessionId);

describe("variantFor", () => {
  it("gives a session the same variant every time", () => {
    const id = sessionId();
    const first = variantFor(id, 0.5);
    for (let i = 0; i < 20; i++) expect(variantFor(id, 0.5)).toBe(first);
  });

  it("is a known function of the id: SHA-256's first 32 bits over 2³²", () => {
    // The position is a fixed number for a fixed id, so the variant flips exactly at it.
    const p = variantPosition("cs_example");
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1);
    expect(variantFor("cs_example", p)).toBe("A");
    expect(variantFor("cs_example", p + 1e-9)).toBe("B");
  });

  for (const share of [0.1, 0.3, 0.5, 0.8]) {
    it(`puts ${share * 100} % of 10,000 session ids in B, within ±2 %`, () => {
      const inB = TEN_THOUSAND.filter((id) => variantFor(id, share) === "B").length / TEN_THOUSAND.length;
      console.log(`[split] setting ${share}: ${(inB * 100).toFixed(2)} % of 10,000 ids in B`);
      expect(Math.abs(inB - share)).toBeLessThanOrEqual(0.02);
    });
  }

  it("a split of 0 or 1 puts every session in A or in B", () => {
    expect(TEN_THOUSAND.every((id) => variantFor(id, 0) === "A")).toBe(true);
    expect(TEN_THOUSAND.every((id) => variantFor(id, 1) === "B")).toBe(true);
  });
});
