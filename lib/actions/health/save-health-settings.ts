"use server";
// Admin: health-score weights, key features and threshold; every score is recomputed at once.
import { getDb } from "@/db/client";
import { recomputeHealth } from "@/db/queries/health";
import { saveHealthSettings } from "@/db/queries/health-settings";
import { action, actorOf } from "@/lib/actions/safe-action";
import { healthSettingsSchema } from "@/lib/validation/health";

const save = action("admin", healthSettingsSchema, async (settings, user) => {
  const db = await getDb();
  await saveHealthSettings(db, settings, actorOf(user));
  const result = await recomputeHealth(db, new Date());
  return result;
});

export async function saveHealthSettingsAction(input: unknown) {
  return save(input);
}
