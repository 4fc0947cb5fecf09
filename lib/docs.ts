// The project's own documentation (docs/*.md), served to signed-in users at /docs/<name>.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

export const DOCS = [
  { name: "metrics", title: "Metrics" },
  { name: "api", title: "API" },
  { name: "architecture", title: "Architecture" },
] as const;

export type DocName = (typeof DOCS)[number]["name"];

export function findDoc(name: string): (typeof DOCS)[number] | undefined {
  return DOCS.find((d) => d.name === name);
}

/** The Markdown of one document, read from the checkout's docs/ folder (beside the build). */
export async function readDoc(name: DocName): Promise<string> {
  return fs.readFile(path.join(process.cwd(), "docs", `${name}.md`), "utf8");
}

/**
 * Where a link inside a document points on the site: another document (`metrics.md#x`, `docs/api.md`)
 * becomes `/docs/<name>#x`; a link to a file of the repository has no page (null); web links stay.
 */
export function docHref(href: string): string | null {
  if (/^(https?:|mailto:)/.test(href) || href.startsWith("#") || href.startsWith("/")) return href;
  const match = /^(?:\.\/|\.\.\/)*(?:docs\/)?([a-z-]+)\.md(#.*)?$/.exec(href);
  const doc = match?.[1] ? findDoc(match[1]) : undefined;
  return doc ? `/docs/${doc.name}${match?.[2] ?? ""}` : null;
}
