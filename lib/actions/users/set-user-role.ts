"use server";
// Admin: change a user's role; it applies to that user's next request.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { NoSuchUserError } from "@/db/queries/passwords";
import { LastAdminError, setUserRole } from "@/db/queries/users";
import { setRoleSchema } from "@/lib/validation/users";
import { Refusal, action, actorOf, refuseOn } from "@/lib/actions/safe-action";

const run = action("admin", setRoleSchema, async (input, user) => {
  const db = await getDb();
  const result = await refuseOn(() => setUserRole(db, input.userId, input.role, actorOf(user)), LastAdminError).catch(
    (error: unknown) => {
      if (error instanceof NoSuchUserError) return new Refusal(404, error.message);
      throw error;
    },
  );
  revalidatePath("/admin");
  return result;
});

export async function setUserRoleAction(input: unknown) {
  return run(input);
}
