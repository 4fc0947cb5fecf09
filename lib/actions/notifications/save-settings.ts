"use server";
// Anyone signed in: their own choice per kind of notification (immediately, in the daily digest,
// off) and the time zone of their digest.
import { getDb } from "@/db/client";
import { saveNotificationSettings } from "@/db/queries/notifications";
import { action } from "@/lib/actions/safe-action";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

const save = action("cs", notificationSettingsSchema, async (input, user) => {
  await saveNotificationSettings(await getDb(), user.id, input, new Date());
  return { saved: true };
});

export async function saveNotificationSettingsAction(input: unknown) {
  return save(input);
}
