"use server";
// Admin: disable a user (their session stops working at once) or enable them again.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { NoSuchUserError } from "@/db/queries/passwords";
import { LastAdminError, setUserActive } from "@/db/queries/users";
import { setActiveSchema } from "@/lib/validation/users";
import { Refusal, action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", setActiveSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(
    () => setUserActive(db, input.userId, input.active, actorOf(user)),
    LastAdminError,
  ).catch((error: unknown) => {
    if (error instanceof NoSuchUserError) return new Refusal(404, error.message);
    throw error;
  });
  revalidatePath("/admin");
  return result;
});

export async function setUserActiveAction(input: unknown) {
  return run(input);
}
