"use server";
// Admin: disable a user (their session stops working at once) or enable them again.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { LastAdminError, setUserActive } from "@/db/queries/users";
import { setActiveSchema } from "@/lib/validation/users";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", setActiveSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => setUserActive(db, input.userId, input.active, actorOf(user)), LastAdminError);
  revalidatePath("/admin");
  return result;
});

export async function setUserActiveAction(input: unknown) {
  return run(input);
}
