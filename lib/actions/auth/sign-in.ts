"use server";
// Signs a staff user in with e-mail and password.
import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "@/db/client";
import { signInWait } from "@/db/queries/rate-limits";
import { clientIp } from "@/lib/http/client-ip";
import { safeCallbackPath } from "@/lib/auth/callback";
import { signIn } from "@/lib/auth/config";
import { signInSchema } from "@/lib/validation/users";

export interface SignInState {
  error: string | null;
  email: string;
}

const tryAgain = (wait: number) =>
  `Too many failed sign-ins. Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`;

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  const ip = clientIp(await headers());
  const wait = await signInWait(await getDb(), ip, parsed.data.email);
  if (wait > 0) return { error: tryAgain(wait), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
  } catch (error) {
    // Refused by the count taken in authorize (an attempt sent at the same moment used the last one).
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: tryAgain(Math.max(1, await signInWait(await getDb(), ip, parsed.data.email))), email };
    }
    if (error instanceof AuthError) {
      return { error: "That e-mail and password do not match an active account.", email };
    }
    throw error;
  }
  return { error: null, email };
}
