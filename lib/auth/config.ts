// Auth.js v5: e-mail and password (argon2id) with JWT sessions. The token carries only the user id;
// role and active flag are read from the database on every request (lib/auth/session.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { clearSignInFailures, recordSignInFailure, signInWait } from "@/db/queries/rate-limits";
import { verifyCredentials } from "@/db/queries/users";
import { clientIp } from "@/lib/http/client-ip";
import { authSecret } from "@/lib/env";
import { signInSchema } from "@/lib/validation/users";

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

class TooManyFailures extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      // Every way in (the sign-in form and a direct POST to /api/auth) passes here: failures are
      // counted per address and per IP, with a growing wait, and written to the audit log.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const db = await getDb();
        const ip = clientIp(request.headers);
        const { email, password } = parsed.data;
        if ((await signInWait(db, ip, email)) > 0) throw new TooManyFailures();
        const user = await verifyCredentials(db, email, password);
        if (!user) {
          await recordSignInFailure(db, ip, email);
          await recordAudit(
            db,
            { type: "anonymous", id: null, label: email },
            { action: "auth.sign_in_failed", entityType: "user", entityId: email, after: { ip } },
          );
          throw new InvalidLogin();
        }
        await clearSignInFailures(db, email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
