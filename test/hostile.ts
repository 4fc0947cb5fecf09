// Hostile values for fuzzing, shared by the vitest fuzz tests and the Playwright page fuzzing:
// NUL, lone surrogates, years 0000 and 9999, impossible days, 10 kB; generators of dates, months,
// instants and query strings built from them. No test runner is imported here.
import fc from "fast-check";

export const FUZZ_RUNS = Number(process.env.HOLDFAST_FUZZ_RUNS ?? 1000);

/**
 * Generated inputs for a database fuzz test: the full count on one engine — PostgreSQL when the
 * run has it, else PGlite — and a tenth on the other, which runs the same code through the same
 * layer; `HOLDFAST_FUZZ_RUNS` raises both.
 */
export function dbFuzzRuns(): number {
  const full = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
  const engine = process.env.HOLDFAST_TEST_ENGINE ?? full;
  return engine === full || process.env.HOLDFAST_FUZZ_RUNS ? FUZZ_RUNS : Math.ceil(FUZZ_RUNS / 10);
}

const TEN_KB = "x".repeat(10_240);

/** Values that have reached PostgreSQL unchecked before: NUL, lone surrogates, years 0000 and 9999, impossible days, 10 kB. */
export const HOSTILE: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDBFF",
  "\uDC00y",
  "0000-01",
  "9999-12",
  "0000-06-01",
  "9999-12-31",
  "0000-01-01T00:00:00Z",
  "0000-06-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "9999-12-31T23:59:59.999+14:00",
  "2026-02-31",
  "2026-13-45",
  "2026-02-31T00:00:00Z",
  "2026-13-45T00:00:00Z",
  "2026-13",
  "2026-00",
  "1969-12",
  "2101-01",
  "1969-12-31",
  "1969-12-31T23:59:59Z",
  "1970-01-01T00:30:00+01:00",
  "2100-12-31T23:00:00-05:00",
  "2101-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  TEN_KB,
  `${TEN_KB}\u0000`,
  "",
  " ",
  "%00",
  "%",
  "%E0%A4%A",
  "null",
  "NaN",
  "-1",
  "0",
  "1e400",
  "99999999999999999999",
  "2147483648",
  "__proto__",
  "constructor",
  "'; select pg_sleep(1); --",
  "(",
  "[[:alpha:]",
];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Dates, months and instants over years 0000–9999 with months 00–13 and days 00–32: real ones and impossible ones. */
export const dateLike: fc.Arbitrary<string> = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1965, max: 2105 })),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 24 }),
    zone: fc.constantFrom("Z", "+00:00", "+14:00", "-12:00", "+05:30", ""),
    form: fc.constantFrom("month", "date", "instant"),
  })
  .map(({ y, m, d, h, zone, form }) => {
    const date = `${pad(y, 4)}-${pad(m, 2)}`;
    if (form === "month") return date;
    if (form === "date") return `${date}-${pad(d, 2)}`;
    return `${date}-${pad(d, 2)}T${pad(h, 2)}:00:00${zone}`;
  });

/** Any string a caller might send: hostile values, odd Unicode (lone surrogates included), dates of any year. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: dateLike },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => "y".repeat(n * 5_000)) },
);

/** Query parameters as pairs (a key may repeat), keys mostly among `keys`, values from `values`. */
export function queryPairs(
  keys: readonly string[],
  values: fc.Arbitrary<string> = hostileText,
): fc.Arbitrary<[string, string][]> {
  const key = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileText });
  return fc.array(fc.tuple(key, values), { maxLength: 6 });
}

/** The query string of the pairs, as a browser would send it. */
export function searchOf(pairs: readonly [string, string][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of pairs) params.append(k, v);
  return params.toString();
}

/** Each hostile value under each key, one at a time: the explicit examples of a query surface. */
export function hostileQueries(keys: readonly string[]): [string, string][][] {
  return keys.flatMap((k) => [
    ...HOSTILE.map((v): [string, string][] => [[k, v]]),
    [
      [k, "2024-01"],
      [k, "2024-02"],
    ],
  ]);
}

/** An input, short enough to read in a failure message. */
export function shown(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) =>
    typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v,
  );
}

export type Path = (string | number)[];
/** Every value's path in an argument: leaves, arrays and nested objects. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === "object")
    return [
      ...(prefix.length > 0 ? [prefix] : []),
      ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])),
    ];
  return [prefix];
}
export function setAt(value: unknown, [head, ...rest]: Path, replacement: unknown): unknown {
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  const copy: Record<string, unknown> = typeof value === "object" && value !== null ? { ...value } : {};
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 3, arbitrary: dateLike },
  { weight: 2, arbitrary: fc.constantFrom(2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e308) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 1 }) },
);

/** A valid argument with one or two of its values (or a new key) replaced by hostile ones. */
export function hostileArgument(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = [...pathsOf(valid), ["extra"]];
  return fc
    .array(fc.tuple(fc.constantFrom(...paths), anyValue), { minLength: 1, maxLength: 2 })
    .map((changes) => changes.reduce<unknown>((arg, [p, v]) => setAt(arg, p, v), valid));
}
