// The layer rules of eslint.config.mjs fire: each crossing below is linted as if it were a file in that
// folder, and each allowed import next to it passes.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// The first lint of the file loads typescript-eslint and the config: seconds on a busy machine.
describe("layer rules", { timeout: 60_000 }, () => {
  it.each([
    ["components/x/widget.tsx", 'import { getDb } from "@/db/client";'],
    ["components/x/widget.tsx", 'import type { QueueRow } from "@/db/queries/triage";'],
    ["components/x/widget.tsx", 'import { accounts } from "../../db/schema";'],
    ["components/x/widget.tsx", 'export type { Row } from "@/db/queries/accounts";'],
    ["db/queries/x.ts", 'import { queueFiltersSchema } from "@/lib/validation/triage";'],
    ["db/queries/x.ts", 'import { requireUser } from "@/lib/auth/session";'],
    ["db/queries/x.ts", 'import { answerIngest } from "@/lib/http/ingest-answer";'],
    ["db/queries/x.test.ts", 'import { answerMetrics } from "@/lib/http/metrics-answer";'],
    ["db/schema/x.ts", 'import { SEGMENTS } from "../../lib/validation/accounts";'],
    ["db/queries/x.ts", 'import { metricsValues } from "@/lib/metrics-extra";'],
    ["lib/metrics/x.ts", 'import { getDb } from "@/db/client";'],
    ["lib/metrics/x.ts", 'import fs from "node:fs";'],
    ["lib/metrics/x.ts", 'import pg from "pg";'],
    ["components/x/widget.tsx", 'import Link from "next/link";'],
    ["app/x/page.tsx", 'import Link from "next/link";'],
  ])("%s may not `%s`", async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ["components/x/widget.tsx", 'import type { QueueRow } from "@/lib/types/triage";'],
    ["components/x/widget.tsx", 'import { STATUS_LABEL } from "@/lib/values";'],
    ["db/queries/x.ts", 'import { ROLES } from "@/lib/values";'],
    ["db/queries/x.ts", 'import type { QueueFilters } from "@/lib/types/triage";'],
    ["db/queries/x.ts", 'import { churnRows } from "@/lib/metrics/churn";'],
    ["db/queries/x.ts", 'import { env } from "@/lib/env";'],
    ["db/queries/x.ts", 'import { accounts } from "@/db/schema";'],
    ["lib/metrics/x.ts", 'import { SAVE_OFFERS } from "@/lib/values";'],
    ["lib/metrics/x.ts", 'import { createHash } from "node:crypto";'],
    ["components/ui/intent-link.tsx", 'import Link from "next/link";'],
  ])("%s may `%s`", async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
