import { describe, expect, it } from "vitest";
import { makeFormatter, plural } from "./format";
import { pickLocale, pickTimeZone } from "./locale";

describe("pickLocale", () => {
  it("takes the heaviest tag this runtime supports, in order among equals", () => {
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickLocale("en;q=0.5, fr-CA")).toBe("fr-CA");
    expect(pickLocale("en-GB;q=0.9, ja;q=0.9")).toBe("en-GB");
  });
  it("skips tags that are malformed, zero-weighted or wildcards, and falls back to en-US", () => {
    expect(pickLocale("not a tag!!, sv;q=0.7")).toBe("sv");
    expect(pickLocale("fr;q=0, *")).toBe("en-US");
    expect(pickLocale(null)).toBe("en-US");
    expect(pickLocale("")).toBe("en-US");
  });
});

describe("pickTimeZone", () => {
  it("keeps an IANA zone and refuses anything else", () => {
    expect(pickTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(pickTimeZone("Mars/Olympus")).toBe("UTC");
    expect(pickTimeZone(undefined)).toBe("UTC");
  });
});

describe("makeFormatter", () => {
  // 1 234 567.80 dollars as cents; 2026-03-05 23:30 UTC is 6 March 00:30 in Berlin (UTC+1 in winter).
  const cents = 123_456_780;
  const instant = new Date("2026-03-05T23:30:00Z");

  it("writes money, numbers and rates in the reader's locale", () => {
    const us = makeFormatter("en-US");
    const de = makeFormatter("de-DE");
    // Money is in whole currency units (1,234,567.80 rounds to 1,234,568); compact, for chart axes, keeps one decimal.
    expect(us.money(cents, "USD")).toBe("$1,234,568");
    expect(de.money(cents, "USD")).toBe("1.234.568\u00a0$");
    expect(de.money(cents, "EUR")).toBe("1.234.568\u00a0€");
    expect(us.money(cents, "USD", { compact: true })).toBe("$1.2M");
    expect(us.number(12345)).toBe("12,345");
    expect(de.number(12345)).toBe("12.345");
    // 0.0284 is 2.8 % to one decimal; German uses a comma and a no-break space before the sign.
    expect(us.percent(0.0284)).toBe("2.8%");
    expect(de.percent(0.0284)).toBe("2,8\u00a0%");
    expect(us.percent(null)).toBe("–");
    expect(de.ratio(4.406)).toBe("4,41");
  });

  it("writes every amount in one form, whole units, whether or not it has cents", () => {
    const us = makeFormatter("en-US");
    // A page showed $5,000 beside $1,234.50: one rule now, whole units (half a unit rounds away from zero).
    expect([500_000, 123_450, 4_999, 50, 49, -123_450].map((c) => us.money(c, "USD"))).toEqual([
      "$5,000",
      "$1,235",
      "$50",
      "$1",
      "$0",
      "-$1,235",
    ]);
  });

  it("signs changes, leaving a change that rounds to zero unsigned", () => {
    const us = makeFormatter("en-US");
    expect(us.signed(1.24, 1)).toBe("+1.2");
    expect(us.signed(-0.44, 1)).toBe("-0.4");
    expect(us.signed(-0.04, 1)).toBe("0.0");
  });

  it("shows calendar days and months in UTC, instants in the reader's zone", () => {
    const us = makeFormatter("en-US", "Europe/Berlin");
    const gb = makeFormatter("en-GB", "UTC");
    // The day of an instant is its UTC day, whatever the reader's zone.
    expect(us.date(instant)).toBe("Mar 5, 2026");
    expect(us.date("2026-11-27")).toBe("Nov 27, 2026");
    expect(gb.date("2026-11-27")).toBe("27 Nov 2026");
    expect(us.month("2024-03")).toBe("March 2024");
    expect(makeFormatter("de-DE").month("2024-03", "short")).toBe("März 2024");
    // The instant is shown at the reader's clock: 00:30 on the 6th in Berlin.
    expect(us.dateTime(instant)).toMatch(/^Mar 6, 2026, 12:30 AM GMT\+1$/);
    expect(gb.dateTime(instant)).toBe("5 Mar 2026, 23:30 UTC");
    // To the second where seconds matter (a webhook's retries 10 s apart).
    expect(gb.dateTime(new Date("2026-03-05T23:30:07Z"), { seconds: true })).toBe("5 Mar 2026, 23:30:07 UTC");
    expect(us.dateTime(new Date("2026-03-05T23:30:07Z"), { seconds: true })).toMatch(
      /^Mar 6, 2026, 12:30:07 AM GMT\+1$/,
    );
  });
});

describe("plural", () => {
  it("is singular for exactly one, plural otherwise, with the number shown as asked", () => {
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(0, "row")).toBe("0 rows");
    expect(plural(2, "row")).toBe("2 rows");
    expect(plural(2, "category", "categories")).toBe("2 categories");
    expect(plural(1200, "answer", undefined, (n) => n.toLocaleString("en-US"))).toBe("1,200 answers");
  });
});
