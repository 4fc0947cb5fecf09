"use server";
// Admin: change a user's role; it applies to that user's next request.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { LastAdminError, setUserRole } from "@/db/queries/users";
import { setRoleSchema } from "@/lib/validation/users";
import { action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", setRoleSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => setUserRole(db, input.userId, input.role, actorOf(user)), LastAdminError);
  revalidatePath("/admin");
  return result;
});

export async function setUserRoleAction(input: unknown) {
  return run(input);
}
