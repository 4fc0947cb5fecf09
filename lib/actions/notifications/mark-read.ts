"use server";
// Anyone signed in: marks one of their own notifications read, or all of them. Another user's
// notification is never touched (the query names the user).
import { getDb } from "@/db/client";
import { markRead, unreadCount } from "@/db/queries/notifications";
import { action } from "@/lib/actions/safe-action";
import { markReadSchema } from "@/lib/validation/notifications";

const mark = action("cs", markReadSchema, async ({ id }, user) => {
  const db = await getDb();
  const changed = await markRead(db, user.id, id, new Date());
  return { changed, unread: await unreadCount(db, user.id) };
});

export async function markNotificationsReadAction(input: unknown) {
  return mark(input);
}
