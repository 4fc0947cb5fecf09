// Auth.js v5: e-mail and password (argon2id) with JWT sessions. The token carries the user id and
// the user's session version; role, active flag and version are checked against the database on
// every request (lib/auth/session.ts), so raising the version ends every older session.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { endSessions } from "@/db/queries/passwords";
import { attemptSignIn } from "@/db/queries/sign-in";
import { safeCallbackUrl } from "@/lib/auth/callback";
import { clientIp } from "@/lib/http/client-ip";
import { authSecret } from "@/lib/env";
import { signInSchema } from "@/lib/validation/users";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The user's session version when the token was issued. */
    sv?: number;
  }
}

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

export class TooManyFailures extends CredentialsSignin {
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
      // Every way in (the sign-in form and a direct POST to /api/auth) passes here: each attempt is
      // counted per address and per IP before the password is checked, with a growing wait, and
      // failures are written to the audit log.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const outcome = await attemptSignIn(await getDb(), { ip: clientIp(request.headers), ...parsed.data });
        if (!outcome.ok) throw outcome.reason === "rate_limited" ? new TooManyFailures() : new InvalidLogin();
        const { user } = outcome;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only a sign-in sets the version: an update from the client never refreshes it.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv;
      return session;
    },
    // Wherever Auth.js itself redirects (its own routes), only a path of this application.
    redirect({ url, baseUrl }) {
      return safeCallbackUrl(url, baseUrl);
    },
  },
  events: {
    // A sign-out posted to /api/auth/signout directly ends every session too (the app's sign-out
    // button has done so already, and then this finds nothing to end).
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || typeof token.sv !== "number") return;
      const label = typeof token.email === "string" ? token.email : token.sub;
      await endSessions(await getDb(), token.sub, token.sv, { type: "user", id: token.sub, label });
    },
  },
}));
