"use server";
// Ends the session, and every other session of the same user (a copied cookie included), and
// returns to the sign-in page.
import { getDb } from "@/db/client";
import { endSessions } from "@/db/queries/passwords";
import { actorOf } from "@/lib/actions/safe-action";
import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endSessions(await getDb(), user.id, user.sessionVersion, actorOf(user));
  await signOut({ redirectTo: "/sign-in" });
}
