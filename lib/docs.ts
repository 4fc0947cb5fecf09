// The project's own documentation (docs/*.md), served to signed-in users at /docs/<name>.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

import type { DocName } from "./docs-links";

export { DOCS, docHref, findDoc, type DocName } from "./docs-links";

/** The Markdown of one document, read from the checkout's docs/ folder (beside the build). */
export async function readDoc(name: DocName): Promise<string> {
  return fs.readFile(path.join(process.cwd(), "docs", `${name}.md`), "utf8");
}
