// Crashes on a throwaway PostgreSQL cluster of the test's own (never the shared server): every
// acknowledged batch survives `pg_ctl stop -m immediate`, and retries add nothing twice: 20
// crashes (about 10 s; HOLDFAST_FAULT_CYCLES sets another count).
import { describe, expect, it } from "vitest";
import { runPgKillCycles } from "@/test/faults/pg-kill";

const CYCLES = Number(process.env.HOLDFAST_FAULT_CYCLES ?? 20);

describe.runIf(process.env.HOLDFAST_TEST_ENGINE === "postgres")(
  "PostgreSQL stopped immediately in the middle of ingestion",
  () => {
    it(`loses nothing acknowledged and writes nothing twice, over ${CYCLES} crashes`, async () => {
      const report = await runPgKillCycles(CYCLES, 55432 + Number(process.env.VITEST_POOL_ID ?? 0));
      if (!report)
        throw new Error("No PostgreSQL binaries (initdb, pg_ctl) on this machine to make a throwaway cluster with.");
      console.log(
        `PostgreSQL crashes: ${report.cycles.map((c) => `${c.acknowledged}/${c.presentAfterCrash / 500}`).join(" ")} (batches acknowledged / present after restart), ${report.lost} lost, ${report.wrong} counted twice`,
      );
      expect(report.cycles).toHaveLength(CYCLES);
      expect(report.lost).toBe(0);
      expect(report.wrong).toBe(0);
      // The crashes really came in the middle: some cycle had acknowledged part of its batches only.
      expect(report.cycles.some((c) => c.acknowledged > 0 && c.acknowledged < 40)).toBe(true);
    }, 300_000);
  },
);
