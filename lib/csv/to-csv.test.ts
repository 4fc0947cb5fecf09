// CSV downloads: formula-looking text is neutralised, numbers (negative ones too) are not, and
// ordinary text — commas, quotes, new lines, Unicode — comes back unchanged through a CSV parser.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toCsv } from "./to-csv";

const roundTrip = (rows: Record<string, string | number | null>[]) =>
  z.array(z.record(z.string(), z.string())).parse(parse(toCsv(rows, ["a", "b"]), { columns: true }));

describe("toCsv", () => {
  it("neutralises text cells that start with = + - @ tab or carriage return", () => {
    const cells = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];
    const out = roundTrip(cells.map((a) => ({ a, b: 1 })));
    expect(out.map((r) => r.a)).toEqual(cells.map((c) => `'${c}`));
  });

  it("leaves numbers as numbers, negative ones included", () => {
    expect(roundTrip([{ a: -1250, b: 0.125 }])).toEqual([{ a: "-1250", b: "0.125" }]);
  });

  it("round-trips ordinary text unchanged", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }).filter((s) => !/^[=+\-@\t\r]/.test(s)),
        fc.string({ maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s)),
        (a, b) => {
          expect(roundTrip([{ a, b }])).toEqual([{ a, b }]);
        },
      ),
      { numRuns: 500 },
    );
    expect(roundTrip([{ a: 'He said "hi", then left\nthe room', b: "naïve — ✓" }])).toEqual([
      { a: 'He said "hi", then left\nthe room', b: "naïve — ✓" },
    ]);
  });
});
