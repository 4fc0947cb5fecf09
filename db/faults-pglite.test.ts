// The embedded database stopped in the middle of ingestion. SIGTERM (what `npm start` and the
// server get when asked to stop): everything acknowledged is there. SIGKILL: PGlite writes its
// files when it closes or checkpoints, so a killed process may lose recent acknowledged batches
// or leave a folder that does not open; the test reports what happened rather than promising.
import { describe, expect, it } from "vitest";
import { stopPgliteWhileIngesting } from "@/test/faults/pglite-stop";

describe.runIf(process.env.HOLDFAST_TEST_ENGINE === "pglite")("PGlite stopped while ingesting", () => {
  it("loses nothing acknowledged on a graceful stop (SIGTERM)", async () => {
    const report = await stopPgliteWhileIngesting("SIGTERM");
    expect(report.reopened).toBe(true);
    expect(report.acknowledged).toBeGreaterThanOrEqual(5);
    expect(report.present).toBe(report.acknowledged);
  }, 120_000);

  it("reports what survives a kill (SIGKILL)", async () => {
    const report = await stopPgliteWhileIngesting("SIGKILL");
    console.log(
      `PGlite after SIGKILL: ${report.reopened ? `reopened; ${report.present} of ${report.acknowledged} acknowledged batches present` : `did not reopen (${report.error})`}`,
    );
    expect(report.acknowledged).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
