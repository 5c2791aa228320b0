import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "./roles";

declare module "next-auth" {
  interface User {
    role?: Role;
    deskCodes?: string[];
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; deskCodes: string[] };
  }
}

class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * next-auth (v5): credentials provider, JWT sessions carrying the role. The password check itself lives in
 * lib/auth/login.ts (rate-limited). Edge-safe imports only at the top: proxy.ts imports this file too.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 10 * 60 * 60 }, // one working day
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => {
        const { checkCredentials } = await import("./login");
        try {
          const actor = await checkCredentials(String(credentials?.email ?? ""), String(credentials?.password ?? ""));
          return { id: actor.id, name: actor.name, email: actor.email, role: actor.role, deskCodes: actor.deskCodes };
        } catch (err) {
          if ((err as { status?: number }).status === 429) throw new RateLimitedSignin();
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.deskCodes = user.deskCodes ?? [];
      }
      return token;
    },
    session: ({ session, token }) => {
      session.user = {
        ...session.user,
        id: String(token.uid),
        role: token.role as Role,
        deskCodes: (token.deskCodes as string[]) ?? [],
      } as typeof session.user;
      return session;
    },
  },
});
