// Every repository path the README, CONTRIBUTING and docs/*.md quote in backticks names a file or folder that exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..");

// A path under one of these folders, ending in an extension (`lib/values.ts`) or a slash (`db/seed/`).
const IN_FOLDER = /^(app|components|db|lib|e2e|test|scripts|bench|docs)\/\S*(\.[a-z0-9]+|\/)$/i;
// A file at the root: configuration by naming convention, and the root files Next and npm look for.
const AT_ROOT =
  /^([\w-]+\.config\.(ts|mts|js|mjs|cjs)|package(-lock)?\.json|tsconfig\.json|proxy\.ts|instrumentation\.ts|README\.md|CONTRIBUTING\.md)$/;
// Placeholders and globs (`db/schema/<area>.ts`, `e2e/*.spec.ts`, `app/(dashboard)/…/page.tsx`) stand for many files.
const PATTERN = /[<*{…]/;
// Made by a run, not committed: the signed-in sessions of the e2e setup project.
const GENERATED = new Set(["e2e/.auth/"]);

/** The backticked stretches of a Markdown text: fenced blocks first, then inline code spans. */
function codeSpans(markdown: string): string[] {
  const spans: string[] = [];
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm, (_, _fence, body: string) => {
    spans.push(body);
    return "";
  });
  // A span opens with a run of backticks and closes at the next run of the same length (CommonMark).
  for (const [, , body = ""] of withoutFences.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) spans.push(body);
  return spans;
}

/** The repository paths quoted in a Markdown text, each once, in order of appearance. */
function quotedPaths(markdown: string): string[] {
  const found = new Set<string>();
  for (const span of codeSpans(markdown)) {
    for (const word of span.split(/\s+/)) {
      // Quotes, brackets and punctuation around a path in a command or a sentence are not part of it.
      const token = word.replace(/^["'(]+/, "").replace(/["'),;:.]+$/, "");
      if (!token || PATTERN.test(token)) continue;
      if (IN_FOLDER.test(token) || AT_ROOT.test(token)) found.add(token);
    }
  }
  return [...found];
}

/** The quoted paths of a Markdown text that name nothing in the repository. */
function missingPaths(markdown: string, root = ROOT): string[] {
  return quotedPaths(markdown).filter((p) => !GENERATED.has(p) && !fs.existsSync(path.join(root, p)));
}

const DOCUMENTS = [
  "README.md",
  "CONTRIBUTING.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("repository paths in the documents", () => {
  it.each(DOCUMENTS)("every path %s quotes exists", (doc) => {
    const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
    expect(quotedPaths(text).length).toBeGreaterThan(0);
    expect(missingPaths(text)).toEqual([]);
  });

  it("finds paths in inline code and in commands, and reports one that does not exist", () => {
    const text = [
      "The queue lives in `db/queries/triage-queue.ts`; see `lib/values.ts` and `components/ui/data-table/`.",
      "Roles are in `lib/docs-paths.test.ts` (`cs` < `manager`), lint in `eslint.config.mjs`, ``sql`${t.id}` `` in SQL.",
      "```bash",
      'npx vitest run db/queries/triage.ts -t "a name"',
      "```",
      "Old: `db/queries/ingest.fuzz.test.ts`, `app/api/import/[kind]/route.ts`.",
    ].join("\n");
    expect(quotedPaths(text)).toEqual([
      "db/queries/triage.ts",
      "db/queries/triage-queue.ts",
      "lib/values.ts",
      "components/ui/data-table/",
      "lib/docs-paths.test.ts",
      "eslint.config.mjs",
      "db/queries/ingest.fuzz.test.ts",
      "app/api/import/[kind]/route.ts",
    ]);
    expect(missingPaths(text)).toEqual(["db/queries/triage.ts", "db/queries/ingest.fuzz.test.ts"]);
  });

  it("skips placeholders, globs, routes, commands and names that are not paths", () => {
    const text =
      "`db/schema/<area>.ts`, `e2e/*.spec.ts`, `app/(dashboard)/…/page.tsx`, `/api/v1/accounts/{externalId}`, " +
      "`/api/health`, `npm run lint`, `page.tsx`, `db/queries/ingest`, `.data/pglite`";
    expect(quotedPaths(text)).toEqual([]);
  });
});
