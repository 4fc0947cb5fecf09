// The path followed after sign-in: generated hostile values never leave the application's origin.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "./callback";

// Where a browser would resolve the answer: the app behind a port, and behind a public name.
const ORIGINS = ["http://127.0.0.1:3100", "https://holdfast.example.com"];

/** What a browser does with the answer as a Location: it must stay on the app's origin. */
function sameOrigin(result: string): void {
  for (const origin of ORIGINS) expect(new URL(result, origin).origin, JSON.stringify(result)).toBe(origin);
}

/** Same origin, and written as the URL parser writes a path, never the sign-in page. */
function staysHome(result: string): void {
  sameOrigin(result);
  // A path of this app, in the parser's own spelling: no scheme, host, space or control, and no
  // backslash before the query.
  expect(result).toMatch(/^\/(?![/\\])/);
  expect(result).not.toMatch(/[\u0000-\u0020\u007f]/);
  expect(result).toMatch(/^[^\\?#]*([?#]|$)/);
  expect(new URL(result, ORIGINS[0]).pathname).not.toMatch(/^\/sign-in(\/|$)/);
}

// Pieces of redirect tricks: slashes in every spelling, schemes, userinfo, controls and whitespace,
// percent-encoded forms (once and twice), unicode look-alikes of / and \, dot segments.
const PIECES = [
  "/",
  "\\",
  "//",
  "/\\",
  "\\/",
  "\t",
  "\n",
  "\r",
  " ",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u00a0",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\u200b",
  "\u2215",
  "\u2044",
  "\uff0f",
  "\uff3c",
  "%2F",
  "%2f",
  "%5C",
  "%5c",
  "%09",
  "%0a",
  "%0D",
  "%00",
  "%20",
  "%252F",
  "%255C",
  "@",
  ":",
  "user:pass@",
  "javascript:",
  "JavaScript:",
  "http:",
  "https:",
  "data:",
  "vbscript:",
  "file:",
  "evil.example",
  "127.0.0.1",
  "[::1]",
  ".",
  "..",
  "?",
  "#",
  "&",
  "sign-in",
  "overview",
  "a",
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
const prefixed = fc
  .tuple(
    fc.constantFrom("", " ", "\t", "\n", "\u0000", "\u00a0", "/", "\\", "//", "/\\", "\\/", "/\t/", "/./"),
    hostile,
  )
  .map(([prefix, rest]) => prefix + rest);

const anything = fc.oneof(hostile, prefixed, fc.string(), fc.webUrl(), fc.string({ unit: "binary" }));

describe("safeCallbackPath", () => {
  it("keeps a path of this application, with its query and fragment", () => {
    expect(safeCallbackPath("/accounts?segment=enterprise")).toBe("/accounts?segment=enterprise");
    expect(safeCallbackPath("/accounts/acc%201#timeline")).toBe("/accounts/acc%201#timeline");
    expect(safeCallbackPath("/reasons?from=2025-01&to=2025-06&attr.tier=gold")).toBe(
      "/reasons?from=2025-01&to=2025-06&attr.tier=gold",
    );
  });

  it("refuses the reported values and their relatives, falling back to the overview", () => {
    for (const value of [
      "/\\evil.example/phish",
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "\\\\evil.example",
      "\\/evil.example",
      " //evil.example",
      "\t//evil.example",
      "/.//evil.example",
      "/%2E//evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "//user:pass@evil.example",
      "/sign-in",
      "/sign-in?callbackUrl=%2Foverview",
      "/sign-in/",
      "",
      undefined,
      null,
      42,
    ]) {
      const result = safeCallbackPath(value);
      staysHome(result);
      expect(result, JSON.stringify(value)).toBe("/overview");
    }
  });

  it("answers no generated hostile value with a place on another origin", () => {
    fc.assert(
      fc.property(anything, (value) => sameOrigin(safeCallbackPath(value))),
      { numRuns: 5000 },
    );
  });

  it("answers every generated value with a normalised path of the application, never sign-in", () => {
    fc.assert(
      fc.property(anything, (value) => staysHome(safeCallbackPath(value))),
      { numRuns: 5000 },
    );
  });

  it("gives the same answer when its answer is checked again", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, prefixed), (value) => {
        const once = safeCallbackPath(value);
        expect(safeCallbackPath(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("safeCallbackUrl (Auth.js's redirect callback, for its own routes)", () => {
  const base = "http://127.0.0.1:3100";

  it("keeps a path or an address of the app, sign-in included, and sends anything else home", () => {
    expect(safeCallbackUrl("/sign-in", base)).toBe(`${base}/sign-in`);
    expect(safeCallbackUrl(`${base}/accounts?segment=smb`, base)).toBe(`${base}/accounts?segment=smb`);
    expect(safeCallbackUrl("/\\evil.example/phish", base)).toBe(`${base}/`);
    expect(safeCallbackUrl("https://evil.example/", base)).toBe(`${base}/`);
    expect(safeCallbackUrl("http://127.0.0.1:3101/overview", base)).toBe(`${base}/`);
  });

  it("never answers with another origin, whatever it is given", () => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = safeCallbackUrl(value, base);
        expect(new URL(result).origin).toBe(base);
        expect(result.slice(base.length)).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 3000 },
    );
  });
});
