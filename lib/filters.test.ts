// The URL of a page, read the way its parsers read it: nothing in it throws, a value a parser
// ignores is named in the page's notice (and only such a value), a reversed range is swapped and a
// range longer than the read API answers loses its `from`, each said in a sentence.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ParamNotice,
  firstValues,
  isDrill,
  loadMetricsFilters,
  loadQueueFilters,
  loadWorkbenchFilters,
  metricsNotices,
  parseAsMonthList,
  settleRange,
  shownValue,
  swapReversed,
} from "@/lib/filters";
import { MAX_RANGE_MONTHS, hasLoneSurrogate, hasNul, isCalendarMonth, isSafeText } from "@/lib/input-checks";
import { SEGMENTS } from "@/lib/values";
import { monthDiff } from "@/lib/metrics/months";
import { accountListSchema } from "@/lib/validation/accounts";
import { metricsQuerySchema } from "@/lib/validation/metrics";
import { schemaChecks, searchNotices } from "@/lib/validation/params";
import { workbenchFiltersSchema } from "@/lib/validation/taxonomy";
import { queueFiltersSchema } from "@/lib/validation/triage";
import { auditFiltersSchema } from "@/lib/validation/users";
import { FUZZ_RUNS, HOSTILE, dateLike, hostileText, queryPairs, shown } from "@/test/hostile";

const METRICS_KEYS = ["from", "to", "segment", "plan", "drill", "view", "curves", "measure"] as const;

/** Values a URL carries: hostile ones, real months and drills among them so ranges and drills open. */
const urlValue = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 3, arbitrary: dateLike },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1968, max: 2103 }).map((y) => `${y}-${String((y % 12) + 1).padStart(2, "0")}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("smb", "growth", "logo", "mrr", "churned:2024-03", "cohort:2024-01:3", "2026-1"),
  },
);

/** A search as the browser sends it (a key may repeat), and as a page receives it. */
const search = (keys: readonly string[]) =>
  queryPairs(keys, urlValue).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    const record: Record<string, string | string[]> = {};
    for (const k of new Set(params.keys())) {
      const all = params.getAll(k);
      record[k] = all.length === 1 ? (all[0] ?? "") : all;
    }
    return { params, record };
  });

const keysOf = (notices: ParamNotice[]) => [...new Set(notices.map((n) => n.key))].sort();

describe("the metrics pages' URL", () => {
  it("never throws; the filters are real months in order, within the range the API answers", () => {
    fc.assert(
      fc.property(search(METRICS_KEYS), ({ params, record }) => {
        const filters = loadMetricsFilters(record);
        expect(loadMetricsFilters(params)).toEqual(filters);
        for (const month of [filters.from, filters.to]) if (month !== null) expect(isCalendarMonth(month)).toBe(true);
        if (filters.from && filters.to) {
          expect(filters.from <= filters.to).toBe(true);
          expect(monthDiff(filters.from, filters.to)).toBeLessThanOrEqual(MAX_RANGE_MONTHS);
        }
        // The filters the page draws are ones the read API answers: no 400 behind the charts.
        const sent = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null));
        expect(metricsQuerySchema.safeParse(sent).success, shown(sent)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("names in its notice exactly the params whose value a parser ignores, and a range it settled", () => {
    const accepts: Record<(typeof METRICS_KEYS)[number], (v: string) => boolean> = {
      from: isCalendarMonth,
      to: isCalendarMonth,
      segment: (v) => SEGMENTS.some((s) => s === v),
      plan: (v) => isSafeText(v, 100),
      drill: isDrill,
      view: (v) => v === "logo" || v === "revenue",
      curves: (v) => v.split(",").every(isCalendarMonth),
      measure: (v) => v === "responses" || v === "mrr",
    };
    fc.assert(
      fc.property(search(METRICS_KEYS), ({ params }) => {
        const first = (k: string) => params.get(k) ?? "";
        const ignored = METRICS_KEYS.filter(
          (k) => params.getAll(k).length > 1 || (first(k) !== "" && !accepts[k](first(k))),
        );
        const month = (k: string) => (isCalendarMonth(first(k)) ? first(k) : null);
        const settled = settleRange({ from: month("from"), to: month("to"), segment: null, plan: null });
        const expected = [...new Set([...ignored, ...(settled.notices.length > 0 ? ["from"] : [])])].sort();
        const notices = metricsNotices(params, ["cohorts", "reasons"]);
        expect(keysOf(notices), shown(params.toString())).toEqual(expected);
        for (const n of notices) {
          expect(hasNul(n.text) || hasLoneSurrogate(n.text)).toBe(false);
          expect(n.text.length).toBeLessThan(260);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each([
    ["drill=garbage", "drill", "Ignored drill=garbage: not a valid drill-through."],
    ["drill=churned:2026-1", "drill", "Ignored drill=churned:2026-1: not a valid drill-through."],
    ["drill=churned:2026-13", "drill", "Ignored drill=churned:2026-13: not a valid drill-through."],
    ["drill=cohort:2024-01:999", "drill", "Ignored drill=cohort:2024-01:999: not a valid drill-through."],
    ["from=2026-13", "from", "Ignored from=2026-13: not a month written YYYY-MM in the years 1970–2100."],
    ["to=%00", "to", "Ignored to=\uFFFD: not a month written YYYY-MM in the years 1970–2100."],
    ["segment=huge", "segment", "Ignored segment=huge: not one of smb, mid, enterprise."],
    ["from=2024-01&from=2024-02", "from", "Ignored the repeated from=2024-02: only the first from is read."],
    ["view=pie", "view", "Ignored view=pie: not one of logo, revenue."],
  ])("%s gives the notice %j", (query, key, text) => {
    expect(metricsNotices(new URLSearchParams(query), ["cohorts"])).toEqual([{ key, text }]);
  });

  it("ignores an empty value and any param the page does not read, silently", () => {
    expect(metricsNotices(new URLSearchParams("from=&drill=&utm_source=x&view=pie"), [])).toEqual([]);
  });

  it("shows a long or unprintable value short and printable", () => {
    expect(shownValue("x".repeat(10_240))).toBe(`${"x".repeat(40)}… (10240 characters)`);
    expect(shownValue("a\u0000b\uD800")).toBe("a\uFFFDb\uFFFD");
    expect(metricsNotices(new URLSearchParams({ plan: "y".repeat(5_000) }))[0]?.text).toBe(
      `Ignored plan=${"y".repeat(40)}… (5000 characters): not a plan name (at most 100 characters, no NUL).`,
    );
  });
});

describe("a reversed or overlong range", () => {
  it("is swapped, and the page says so", () => {
    const raw = { from: "2025-06", to: "2025-01", segment: "smb" };
    expect(loadMetricsFilters(raw)).toEqual({ from: "2025-01", to: "2025-06", segment: "smb", plan: null });
    expect(metricsNotices(new URLSearchParams(raw))).toEqual([
      { key: "from", text: "From 2025-06 is after to 2025-01: the two are swapped." },
    ]);
  });

  it("longer than the read API answers loses its from, and the page says so", () => {
    expect(loadMetricsFilters({ from: "1970-01", to: "2100-12" })).toMatchObject({ from: null, to: "2100-12" });
    expect(metricsNotices(new URLSearchParams("from=1970-01&to=2100-12"))).toEqual([
      {
        key: "from",
        text: "Ignored from=1970-01: the range may span at most 120 months, so it starts 23 months before 2100-12.",
      },
    ]);
    // Exactly the longest range the API answers is kept.
    expect(settleRange({ from: "2014-01", to: "2024-01", segment: null, plan: null }).notices).toEqual([]);
  });

  it("agrees with the read API: what the API refuses for the range, the page settles", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE.filter(isCalendarMonth), "1970-01", "2024-05", "2100-12"),
        dateLike,
        (a, b) => {
          const api = metricsQuerySchema.safeParse({ from: a, to: b });
          const settled = settleRange({ from: a, to: isCalendarMonth(b) ? b : null, segment: null, plan: null });
          if (isCalendarMonth(b)) expect(api.success).toBe(settled.notices.length === 0);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("pages whose params a zod schema reads", () => {
  const PAGES = [
    [
      "/accounts",
      accountListSchema,
      (raw: Record<string, string | string[]>) => accountListSchema.parse(firstValues(raw)),
    ],
    [
      "/at-risk",
      queueFiltersSchema,
      (raw: Record<string, string | string[]>) => queueFiltersSchema.parse(loadQueueFilters(raw)),
    ],
    [
      "/admin/audit",
      auditFiltersSchema,
      (raw: Record<string, string | string[]>) => auditFiltersSchema.parse(firstValues(raw)),
    ],
    [
      "/admin/workbench",
      workbenchFiltersSchema,
      (raw: Record<string, string | string[]>) => workbenchFiltersSchema.parse(loadWorkbenchFilters(raw)),
    ],
  ] as const;

  it.each(PAGES)("%s: never throws, and names a value exactly when the page does not use it", (_page, schema, read) => {
    const keys = Object.keys(schema.shape);
    const checks = schemaChecks(schema);
    const defaults: Record<string, unknown> = schema.parse({});
    fc.assert(
      fc.property(search(keys), ({ record }) => {
        const used: Record<string, unknown> = read(record);
        const named = keysOf(searchNotices(schema, record));
        const first = firstValues(record);
        for (const key of keys) {
          const value = first[key];
          const refused = value !== undefined && value !== "" && checks[key]?.(value) !== null;
          // A refused value is named and the page falls back to the default; a taken one is used.
          if (refused) {
            expect(named, shown(record)).toContain(key);
            expect(used[key], shown(record)).toEqual(defaults[key]);
          }
          const repeated = Array.isArray(record[key]);
          if (!refused && !repeated) expect(named, shown(record)).not.toContain(key);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("the audit log's reversed date range is swapped, and the page says so", () => {
    const { range, notices } = swapReversed(auditFiltersSchema.parse({ from: "2026-03-01", to: "2026-01-31" }));
    expect(range).toMatchObject({ from: "2026-01-31", to: "2026-03-01" });
    expect(notices.map((n) => n.text)).toEqual(["From 2026-03-01 is after to 2026-01-31: the two are swapped."]);
  });

  it("reads the first of a repeated value, as the browser's parsers do", () => {
    expect(accountListSchema.parse(firstValues({ q: ["acme", "globex"], status: ["trial", "x"] }))).toMatchObject({
      q: "acme",
      status: "trial",
    });
  });

  it.each([
    [queueFiltersSchema, { page: "abc" }, "Ignored page=abc: not a whole number from 1 to 100000."],
    [queueFiltersSchema, { page: "0" }, "Ignored page=0: not a whole number from 1 to 100000."],
    [accountListSchema, { page: "1e3" }, "Ignored page=1e3: not a whole number from 1 to 100000."],
    [queueFiltersSchema, { tab: "later" }, "Ignored tab=later: not one of recovery, conversion, due."],
    [
      queueFiltersSchema,
      { on: "2026-02-31" },
      "Ignored on=2026-02-31: not a real date written YYYY-MM-DD in the years 1970–2100.",
    ],
    [
      accountListSchema,
      { q: "x".repeat(201) },
      `Ignored q=${"x".repeat(40)}… (201 characters): longer than 200 characters.`,
    ],
    [auditFiltersSchema, { actor: "a\u0000" }, "Ignored actor=a\uFFFD: must not contain the NUL character (\\u0000)."],
  ] as const)("notice %#: %j", (schema, raw, text) => {
    expect(searchNotices(schema, raw).map((n) => n.text)).toEqual([text]);
  });
});

describe("the cohorts page's curves", () => {
  it("reads a list of months, and a list with any bad item as absent (the default curves)", () => {
    expect(parseAsMonthList.parse("2025-01,2025-03")).toEqual(["2025-01", "2025-03"]);
    expect(parseAsMonthList.parse("")).toEqual([]);
    for (const bad of ["garbage", "2025-01,garbage", "2025-13", "2025-01,,2025-02"])
      expect(parseAsMonthList.parse(bad), bad).toBeNull();
    expect(parseAsMonthList.serialize(["2025-01", "2025-03"])).toBe("2025-01,2025-03");
  });
});
