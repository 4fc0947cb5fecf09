"use server";
// Ends the session and returns to the sign-in page.
import { signOut } from "@/lib/auth/config";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
