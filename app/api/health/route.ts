// GET /api/health — database reachability, no sign-in.
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { json } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = Date.now();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return json({ status: "ok", database: "reachable", latencyMs: Date.now() - started });
  } catch (error) {
    return json(
      { status: "error", database: "unreachable", detail: error instanceof Error ? error.message : String(error) },
      503,
    );
  }
}
