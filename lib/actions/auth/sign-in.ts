"use server";
// Signs a staff user in with e-mail and password.
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { signInWait } from "@/db/queries/rate-limits";
import { clientIp } from "@/lib/http/client-ip";
import { signIn } from "@/lib/auth/config";
import { signInSchema } from "@/lib/validation/users";

export interface SignInState {
  error: string | null;
  email: string;
}

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-in") ? path : "/overview";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  const wait = await signInWait(await getDb(), clientIp(await headers()), parsed.data.email);
  if (wait > 0)
    return {
      error: `Too many failed sign-ins. Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`,
      email,
    };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: "That e-mail and password do not match an active account.", email };
    }
    throw error;
  }
  return { error: null, email };
}
