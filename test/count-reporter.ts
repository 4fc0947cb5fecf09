// Writes test-results/vitest-counts.json: tests passed per project, so CI can insist that the
// PostgreSQL suite really ran.
import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts: Record<string, { passed: number; failed: number; skipped: number }> = {};
    for (const testModule of modules) {
      const project = testModule.project.name || "default";
      const c = (counts[project] ??= { passed: 0, failed: 0, skipped: 0 });
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") c.passed += 1;
        else if (state === "failed") c.failed += 1;
        else c.skipped += 1;
      }
    }
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/vitest-counts.json", `${JSON.stringify(counts, null, 2)}\n`);
  }
}
