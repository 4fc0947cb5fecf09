// npm run house-stats [-- --json] [-- --fail-on-layers]: the tree's health counted from the AST; a report, not a gate.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

type Kind = "source" | "bench" | "test";
type Metric = "longFiles" | "casts" | "doubleCasts" | "nonNull" | "rawSql" | "sqlRaw" | "rowGenerics" | "tsIgnores";
type Counts = Record<Kind, number>;
interface FileStats extends Record<Metric, number> {
  file: string;
  kind: Kind;
  lines: number;
}
interface Disable {
  file: string;
  kind: Kind;
  line: number;
  text: string;
  reason: boolean;
}
interface Violation {
  file: string;
  kind: Kind;
  module: string;
  rule: string;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SKIP = new Set(["node_modules", ".next", ".data", "test-results", "playwright-report", "bench-results", ".git"]);
const LONG = 300;
const TOP = 10;
// Row helpers called with a hand-written row type: a queryRows-style helper, drizzle's execute, pg's query.
const ROW_HELPERS = new Set(["queryRows", "queryRow", "execute", "query"]);
const DB_MAY_IMPORT = ["lib/metrics", "lib/values", "lib/types", "lib/env", "lib/account-path"];
const NODE_IO = /^(node:)?(fs|fs\/promises|child_process|net|http|https|dgram|worker_threads)$/;
const IO_PACKAGE = /^(pg|postgres|@electric-sql\/pglite|next)(\/|$)/;

function listFiles(): string[] {
  const wanted = (f: string): boolean =>
    /\.(ts|tsx|mjs)$/.test(f) && !f.split("/").some((part) => SKIP.has(part)) && !f.startsWith("db/migrations/");
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT });
    return [...new Set(out.toString().split("\0"))].filter((f) => wanted(f) && existsSync(path.join(ROOT, f))).sort();
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return SKIP.has(entry.name) || rel === "db/migrations" ? [] : walk(rel);
        return [rel];
      });
    return walk("").filter(wanted).sort();
  }
}

function kindOf(file: string): Kind {
  if (/\.test\.(ts|tsx|mjs)$/.test(file) || /^(test|e2e)\//.test(file)) return "test";
  return file.startsWith("bench/") ? "bench" : "source";
}

const stripExt = (p: string): string => p.replace(/\.(ts|tsx|js|mjs)$/, "");
const under = (p: string, dir: string): boolean => {
  const bare = stripExt(p);
  return bare === dir || bare.startsWith(`${dir}/`);
};

// `@/x` and `./x`/`../x` become a path from the repository root; a package name stays null.
function resolveLocal(file: string, spec: string): string | null {
  if (spec.startsWith("@/")) return path.posix.normalize(spec.slice(2));
  if (spec.startsWith(".")) return path.posix.join(path.posix.dirname(file), spec);
  return null;
}

function layerRule(file: string, spec: string): string | null {
  const local = resolveLocal(file, spec);
  if (file.startsWith("components/") && local && under(local, "db")) return "components must not import db/";
  if (file.startsWith("db/") && local && under(local, "lib") && !DB_MAY_IMPORT.some((dir) => under(local, dir)))
    return "db/ imports only lib/{metrics,values,types,env,account-path}";
  if (under(file, "lib/metrics") && (local ? under(local, "db") : NODE_IO.test(spec) || IO_PACKAGE.test(spec)))
    return "lib/metrics does no I/O";
  return null;
}

const isConst = (type: ts.TypeNode): boolean =>
  ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "const";
const calleeName = (callee: ts.Expression): string | undefined =>
  ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;

function moduleOf(node: ts.Node): string | undefined {
  let spec: ts.Node | undefined;
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) spec = node.moduleSpecifier;
  else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
    spec = node.moduleReference.expression;
  else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
  else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) spec = node.argument.literal;
  return spec && ts.isStringLiteralLike(spec) ? spec.text : undefined;
}

// Comments come from the token stream: the trivia before every token, both the same-line part (trailing of the
// previous token) and the rest (leading). JSX text is content, not trivia; JSDoc tags are not tokens of the file.
function commentsOf(sf: ts.SourceFile): ts.CommentRange[] {
  const seen = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (ts.isToken(node) && node.kind !== ts.SyntaxKind.JsxText) {
      const ranges = [ts.getTrailingCommentRanges(sf.text, node.pos), ts.getLeadingCommentRanges(sf.text, node.pos)];
      for (const range of ranges.flatMap((r) => r ?? [])) seen.set(range.pos, range);
    }
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

function analyse(file: string, disables: Disable[], violations: Violation[]): FileStats {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const scriptKind = file.endsWith(".tsx")
    ? ts.ScriptKind.TSX
    : file.endsWith(".mjs")
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind);
  const kind = kindOf(file);
  const lines = sf.getLineStarts().length - (text.endsWith("\n") ? 1 : 0);
  const none = { casts: 0, doubleCasts: 0, nonNull: 0, rawSql: 0, sqlRaw: 0, rowGenerics: 0, tsIgnores: 0 };
  const stats: FileStats = { file, kind, lines, longFiles: lines > LONG ? 1 : 0, ...none };
  const visit = (node: ts.Node): void => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConst(node.type)) {
      stats.casts++;
      let inner = node.expression;
      while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
      if (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) stats.doubleCasts++;
    } else if (ts.isNonNullExpression(node)) stats.nonNull++;
    else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "sql")
      stats.rawSql++;
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isSqlRaw =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === "sql" &&
        callee.name.text === "raw";
      stats.rawSql += isSqlRaw ? 1 : 0;
      stats.sqlRaw += isSqlRaw ? 1 : 0;
      const name = calleeName(callee);
      if (node.typeArguments?.length && name && ROW_HELPERS.has(name)) stats.rowGenerics++;
    }
    const spec = moduleOf(node);
    const rule = spec === undefined ? null : layerRule(file, spec);
    if (spec !== undefined && rule) violations.push({ file, kind, module: spec, rule });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const range of commentsOf(sf)) {
    const raw = text.slice(range.pos, range.end);
    const body = raw.replace(/^\/\/|^\/\*+|\*\/$/g, "").trim();
    if (/^@ts-(ignore|expect-error|nocheck)\b/.test(body)) stats.tsIgnores++;
    if (!/^eslint-disable(-next-line|-line)?\b/.test(body)) continue;
    const line = sf.getLineAndCharacterOfPosition(range.pos).line + 1;
    disables.push({ file, kind, line, text: raw.trim(), reason: /\s--\s*\S/.test(body) });
  }
  return stats;
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const disables: Disable[] = [];
  const violations: Violation[] = [];
  const stats = listFiles().map((file) => analyse(file, disables, violations));
  const zero = (): Counts => ({ source: 0, bench: 0, test: 0 });
  const sum = (metric: Metric): Counts => stats.reduce((acc, s) => ((acc[s.kind] += s[metric]), acc), zero());
  const count = <T extends { kind: Kind }>(items: T[], keep: (item: T) => boolean = () => true): Counts =>
    items.filter(keep).reduce((acc, item) => (acc[item.kind]++, acc), zero());
  const totals = {
    files: count(stats),
    longFiles: sum("longFiles"),
    casts: sum("casts"),
    doubleCasts: sum("doubleCasts"),
    nonNull: sum("nonNull"),
    rawSql: sum("rawSql"),
    sqlRaw: sum("sqlRaw"),
    rowGenerics: sum("rowGenerics"),
    eslintDisables: count(disables),
    eslintDisablesWithoutReason: count(disables, (d) => !d.reason),
    tsIgnores: sum("tsIgnores"),
    layerViolations: count(violations),
  };
  const notTest = stats.filter((s) => s.kind !== "test");
  const ranked = (metric: Metric) =>
    notTest
      .filter((s) => s[metric] > 0)
      .sort((a, b) => b[metric] - a[metric] || a.file.localeCompare(b.file))
      .map((s) => ({ file: s.file, kind: s.kind, count: s[metric] }));
  const long = (kinds: Kind[]) =>
    stats
      .filter((s) => s.lines > LONG && kinds.includes(s.kind))
      .sort((a, b) => b.lines - a.lines)
      .map((s) => ({ file: s.file, kind: s.kind, lines: s.lines }));
  const lists = {
    longFiles: long(["source", "bench"]),
    longTestFiles: long(["test"]),
    casts: ranked("casts"),
    nonNull: ranked("nonNull"),
    rawSql: ranked("rawSql"),
    rowGenerics: ranked("rowGenerics"),
  };
  const failed = args.has("--fail-on-layers") && violations.length > 0;
  if (failed) process.exitCode = 1;
  if (args.has("--json")) {
    console.log(JSON.stringify({ root: ROOT, longFileLines: LONG, totals, ...lists, disables, violations }, null, 2));
    return;
  }

  const rows: [string, Counts][] = [
    ["files scanned", totals.files],
    [`files over ${LONG} lines`, totals.longFiles],
    ["`as` casts (not `as const`, incl. <T>x)", totals.casts],
    ["  of which cast of a cast (as unknown as)", totals.doubleCasts],
    ["non-null assertions `!`", totals.nonNull],
    ["raw sql (sql`…` + sql.raw)", totals.rawSql],
    ["  of which sql.raw(…)", totals.sqlRaw],
    ["hand-typed row generics (queryRows<T> etc.)", totals.rowGenerics],
    ["eslint-disable comments", totals.eslintDisables],
    ["  without `-- reason`", totals.eslintDisablesWithoutReason],
    ["@ts-ignore / @ts-expect-error / @ts-nocheck", totals.tsIgnores],
    ["layer violations", totals.layerViolations],
  ];
  const pad = (value: string | number, width: number): string => String(value).padStart(width);
  console.log(`House stats for ${ROOT} (bench/ is non-test source, shown apart)\n`);
  console.log(`${"metric".padEnd(52)}${pad("source", 8)}${pad("bench", 8)}${pad("tests", 8)}${pad("non-test", 10)}`);
  for (const [label, c] of rows)
    console.log(
      `${label.padEnd(52)}${pad(c.source, 8)}${pad(c.bench, 8)}${pad(c.test, 8)}${pad(c.source + c.bench, 10)}`,
    );

  const section = (title: string, items: string[], limit = TOP): void => {
    console.log(`\n${title}${items.length > limit ? ` (top ${limit} of ${items.length})` : ""}`);
    if (items.length === 0) console.log("  (none)");
    for (const item of items.slice(0, limit)) console.log(`  ${item}`);
  };
  const tag = (kind: Kind): string => (kind === "source" ? "" : ` [${kind}]`);
  section(
    `Files over ${LONG} lines, outside tests`,
    lists.longFiles.map((f) => `${pad(f.lines, 5)}  ${f.file}${tag(f.kind)}`),
  );
  section(
    `Files over ${LONG} lines, tests`,
    lists.longTestFiles.map((f) => `${pad(f.lines, 5)}  ${f.file}`),
  );
  const byFile = (items: { file: string; kind: Kind; count: number }[]): string[] =>
    items.map((f) => `${pad(f.count, 5)}  ${f.file}${tag(f.kind)}`);
  section("`as` casts by file, outside tests", byFile(lists.casts));
  section("Non-null `!` by file, outside tests", byFile(lists.nonNull));
  section("Raw sql by file, outside tests", byFile(lists.rawSql));
  section("Hand-typed row generics by file, outside tests", byFile(lists.rowGenerics));
  section(
    "eslint-disable comments",
    disables.map((d) => `${d.reason ? "reason   " : "NO REASON"}  ${d.file}:${d.line}${tag(d.kind)}  ${d.text}`),
    Infinity,
  );
  section(
    "Layer violations (file → imported module)",
    violations.map((v) => `${v.file}${tag(v.kind)} → ${v.module}   (${v.rule})`),
    Infinity,
  );
  if (failed) console.log(`\n--fail-on-layers: ${violations.length} layer violation(s)`);
}

main();
