// GET /api/health — database reachability, no sign-in.
import { getDb } from "@/db/client";
import { pingDatabase } from "@/db/queries/ping";
import { json } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = Date.now();
  try {
    await pingDatabase(await getDb());
    return json({ status: "ok", database: "reachable", latencyMs: Date.now() - started });
  } catch (error) {
    return json(
      { status: "error", database: "unreachable", detail: error instanceof Error ? error.message : String(error) },
      503,
    );
  }
}
