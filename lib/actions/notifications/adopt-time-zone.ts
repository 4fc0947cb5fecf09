"use server";
// At first sign-in the browser tells its time zone: it becomes the user's digest zone unless they
// already have one (a later change is made in Settings → Notifications).
import { getDb } from "@/db/client";
import { adoptTimeZone } from "@/db/queries/notifications";
import { action } from "@/lib/actions/safe-action";
import { adoptTimeZoneSchema } from "@/lib/validation/notifications";

const adopt = action("cs", adoptTimeZoneSchema, async ({ timeZone }, user) => ({
  adopted: await adoptTimeZone(await getDb(), user.id, timeZone),
}));

export async function adoptTimeZoneAction(input: unknown) {
  return adopt(input);
}
