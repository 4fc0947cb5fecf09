// Runs once when a Holdfast server starts: the health-score refresh loop (Node runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startHealthScheduler } = await import("./lib/health/scheduler");
    startHealthScheduler();
  }
}
