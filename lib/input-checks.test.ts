// The checks every value from outside passes before SQL: storable text, real dates and months,
// instants in 1970–2100; the zod blocks built on them; the URL parsers that ignore what fails them.
import { describe, expect, it } from "vitest";
import { isDrill, loadMetricsFilters, loadQueueFilters, loadWorkbenchFilters } from "@/lib/filters";
import { decodeParam, isCalendarDate, isCalendarMonth, isInstantInRange, isSafeText } from "@/lib/input-checks";
import { calendarDate, calendarMonth, instant } from "@/lib/validation/dates";
import { metricsQuerySchema } from "@/lib/validation/metrics";
import { safeText, text } from "@/lib/validation/text";
import { changeItemSchema, logOutreachSchema, queueFiltersSchema } from "@/lib/validation/triage";
import { auditFiltersSchema } from "@/lib/validation/users";

describe("calendar dates and months", () => {
  it.each([
    ["2026-02-28", true],
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2026-02-31", false],
    ["2026-13-45", false],
    ["2026-04-31", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["1970-01-01", true],
    ["2100-12-31", true],
    ["1969-12-31", false],
    ["2101-01-01", false],
    ["0000-06-01", false],
    ["9999-12-31", false],
    ["2026-1-01", false],
    ["2026-01-01T00:00:00Z", false],
  ])("%s is a calendar date: %s", (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
    expect(calendarDate().safeParse(value).success).toBe(ok);
  });

  it.each([
    ["2026-01", true],
    ["2026-12", true],
    ["2026-13", false],
    ["2026-00", false],
    ["1970-01", true],
    ["2100-12", true],
    ["1969-12", false],
    ["0000-06", false],
    ["9999-12", false],
    ["2026-1", false],
  ])("%s is a month: %s", (value, ok) => {
    expect(isCalendarMonth(value)).toBe(ok);
    expect(calendarMonth().safeParse(value).success).toBe(ok);
  });
});

describe("instants", () => {
  it.each([
    ["2024-03-01T12:00:00Z", true],
    ["2024-03-01T13:00:00+01:00", true],
    ["2026-01-01T00:00:00.123456789+02:00", true],
    ["1970-01-01T00:00:00Z", true],
    ["2100-12-31T23:59:59.999Z", true],
    ["1970-01-01T00:30:00+01:00", false],
    ["2100-12-31T23:00:00-05:00", false],
    ["0000-06-01T00:00:00Z", false],
    ["9999-12-31T23:59:59Z", false],
    ["2026-02-31T00:00:00Z", false],
    ["2026-01-01T00:00:00", false],
    ["2026-01-01", false],
  ])("%s is an instant Holdfast takes: %s", (value, ok) => {
    expect(instant().safeParse(value).success).toBe(ok);
  });

  it("names one problem per bad value: the format, or the years", () => {
    const format = instant().safeParse("yesterday");
    const years = instant().safeParse("0000-06-01T00:00:00Z");
    expect(format.error?.issues.map((i) => i.message)).toEqual([
      "must be an ISO 8601 timestamp with a zone, e.g. 2024-03-01T12:00:00Z",
    ]);
    expect(years.error?.issues.map((i) => i.message)).toEqual(["must fall in the years 1970–2100"]);
  });

  it("keeps the instant, to the millisecond", () => {
    expect(instant().parse("2024-03-01T13:00:00.123456+01:00").toISOString()).toBe("2024-03-01T12:00:00.123Z");
    expect(isInstantInRange(new Date(Number.NaN))).toBe(false);
  });
});

describe("text", () => {
  it.each([
    ["plain", true],
    ["emoji 🙂 and ü", true],
    ["a\u0000b", false],
    ["\uD800", false],
    ["x\uDBFF", false],
    ["\uDC00y", false],
    ["\uD83D\uDE42", true],
  ])("%j is storable: %s", (value, ok) => {
    expect(isSafeText(value, 100)).toBe(ok);
    expect(text().safeParse(value).success).toBe(ok);
  });

  it("bounds the length", () => {
    expect(safeText(10).safeParse("x".repeat(11)).success).toBe(false);
    expect(isSafeText("x".repeat(10_240), 200)).toBe(false);
    expect(isSafeText(42, 200)).toBe(false);
  });

  it("decodes a route param, or says it does not", () => {
    expect(decodeParam("a%20b")).toBe("a b");
    expect(decodeParam("%E0%A4%A")).toBeNull();
    expect(decodeParam("%")).toBeNull();
  });
});

describe("where the values come from", () => {
  it("the read API names the bad parameter", () => {
    const bad = metricsQuerySchema.safeParse({ asOf: "0000-06-01T00:00:00Z", from: "2026-13", plan: "a\u0000" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["asOf", "from", "plan"]);
    expect(metricsQuerySchema.safeParse({ asOf: "2024-04-15T00:00:00Z", from: "2024-01", to: "2024-03" }).success).toBe(
      true,
    );
  });

  it("a triage action names the impossible date", () => {
    const change = changeItemSchema.safeParse({ id: "tri_1", version: 1, snoozeUntil: "2026-02-31" });
    expect(change.error?.issues.map((i) => i.path.join("."))).toEqual(["snoozeUntil"]);
    const log = logOutreachSchema.safeParse({
      accountExternalId: "a",
      channel: "call",
      summary: "s",
      nextFollowUpOn: "2026-13-45",
    });
    expect(log.error?.issues.map((i) => i.path.join("."))).toEqual(["nextFollowUpOn"]);
    expect(changeItemSchema.safeParse({ id: "tri_1", version: 2_147_483_648, status: "open" }).success).toBe(false);
  });

  it("page filters ignore what cannot be a value, and keep the rest", () => {
    expect(queueFiltersSchema.parse({ on: "2026-02-31", owner: "\u0000", tab: "due" })).toMatchObject({
      on: null,
      owner: null,
      tab: "due",
    });
    expect(auditFiltersSchema.parse({ from: "2026-13-45", to: "2026-03-01", actor: "x\uD800" })).toMatchObject({
      from: undefined,
      to: "2026-03-01",
      actor: undefined,
    });
  });

  it("the shared URL parsers read a bad value as absent", () => {
    expect(loadMetricsFilters({ from: "0000-01", to: "2024-03", plan: "a\u0000", segment: "smb" })).toEqual({
      from: null,
      to: "2024-03",
      plan: null,
      segment: "smb",
    });
    expect(loadQueueFilters({ on: "2026-02-31", owner: "x".repeat(10_240) })).toMatchObject({ on: null, owner: null });
    expect(loadWorkbenchFilters({ category: "\u0000", q: "a\u0000", code: "x".repeat(65) })).toMatchObject({
      category: "cat_uncategorized",
      q: null,
      code: null,
    });
    // Through a URL a lone surrogate is already U+FFFD, which is text like any other.
    expect(loadWorkbenchFilters({ q: "\uDFFF" }).q).toBe("\uFFFD");
  });

  it.each([
    ["churned:2024-03", true],
    ["customersStart:2024-03", true],
    ["cohort:2024-01:3", true],
    ["reasons:price-value", true],
    ["reasons:price-value:2024-02", true],
    ["churned:2024-13", false],
    ["churned:", false],
    ["cohort:2024-01:999", false],
    ["cohort:2024-01", false],
    ["reasons:", false],
    ["reasons:a\u0000", false],
    ["%E0%A4%A", false],
    ["NaN", false],
    ["churned:2024-03:1", false],
    ["sessions:saved", true],
    ["sessions:paused", false],
    ["sessions:saved:2024-01", false],
    ["variant:cfv_1:B", true],
    ["variant:cfv_1:C", false],
    ["variant::A", false],
    ["watchlist", true],
    ["watchlist:x", false],
  ])("the drill-through %j opens: %s", (value, ok) => {
    expect(isDrill(value)).toBe(ok);
  });
});
