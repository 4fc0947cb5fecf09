import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import GithubSlugger from "github-slugger";
import { DOCS, METRIC_DOC, docHref, findDoc } from "./docs-links";

describe("documentation links", () => {
  it("serves only the listed documents, each a file of docs/", () => {
    expect(findDoc("metrics")?.title).toBe("Metrics");
    expect(findDoc("../README")).toBeUndefined();
    expect(findDoc("METRICS")).toBeUndefined();
    for (const d of DOCS)
      expect(fs.existsSync(path.join(import.meta.dirname, "..", "docs", `${d.name}.md`))).toBe(true);
  });

  it("points links between documents to their pages, keeps web links and drops links to repository files", () => {
    expect(docHref("metrics.md#logo-churn-rate")).toBe("/docs/metrics#logo-churn-rate");
    expect(docHref("docs/api.md")).toBe("/docs/api");
    expect(docHref("../docs/architecture.md#layers")).toBe("/docs/architecture#layers");
    expect(docHref("#health-score")).toBe("#health-score");
    expect(docHref("https://www.postgresql.org/")).toBe("https://www.postgresql.org/");
    expect(docHref("../lib/metrics/state.ts")).toBeNull();
    expect(docHref("../CONTRIBUTING.md")).toBeNull();
    expect(docHref("other.md")).toBeNull();
  });

  it("links every formula popover to a section that docs/metrics.md has", () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, "..", "docs", "metrics.md"), "utf8");
    const slugger = new GithubSlugger();
    const anchors = new Set(
      text
        .split("\n")
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => slugger.slug(line.replace(/^#+ /, ""))),
    );
    for (const anchor of Object.values(METRIC_DOC)) expect(anchors, anchor).toContain(anchor);
  });
});
