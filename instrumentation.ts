// Runs once when a Holdfast server starts: its background work — the job queue's worker and the
// recurring jobs (Node runtime only; HOLDFAST_WORKER=false turns it off).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startBackgroundWork } = await import("./lib/jobs/start");
    await startBackgroundWork().catch((error: unknown) => console.error("Background work did not start:", error));
  }
}
