import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, parseEnv, type Env } from "@/lib/env";
import type { Role } from "./roles";
import { redeemLoginTicket } from "./ticket";

declare module "next-auth" {
  interface User {
    role?: Role;
    deskCodes?: string[];
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; deskCodes: string[]; sessionVersion: number };
  }
}

/** Idle timeout and absolute lifetime of a session, in seconds (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
export function sessionLimits(e: Env = env()): { idle: number; max: number } {
  return { idle: Math.max(1, Math.round(e.SESSION_IDLE_MINUTES * 60)), max: Math.max(60, Math.round(e.SESSION_MAX_HOURS * 3600)) };
}

/**
 * next-auth (v5): JWT sessions carrying the role, the user's session version, the sign-in time and the
 * time of the last request. The password is checked in exactly one place, `checkCredentials`
 * (lib/auth/login.ts, under the failure counters), by POST /api/v1/auth/login; that route then signs in
 * with a one-time ticket for the user it verified (lib/auth/ticket.ts), so the password is verified once
 * per attempt and next-auth's own credentials callback cannot be used to guess passwords around the
 * counters (without a ticket it signs nobody in).
 *
 * Sessions end (the jwt callback returns null, which deletes the cookie) after SESSION_IDLE_MINUTES
 * without a request or SESSION_MAX_HOURS after sign-in, whichever comes first; `seenAt` moves on with
 * every request whose answer can carry the refreshed cookie (API routes through lib/api/route.ts, pages
 * through proxy.ts). The session version is compared with the user row in currentActor (lib/auth/actor.ts).
 * Edge-safe imports only at the top: proxy.ts imports this file too.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Read without caching the environment: this runs when the module loads, and a process (a test) may still
  // set variables after that and before its first env() call.
  session: { strategy: "jwt", maxAge: sessionLimits(parseEnv()).idle },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      authorize: async (credentials) => {
        const user = redeemLoginTicket(String(credentials?.ticket ?? ""));
        if (!user) return null;
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          deskCodes: user.deskCodes,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.deskCodes = user.deskCodes ?? [];
        token.sv = user.sessionVersion ?? 0;
        token.loginAt = now;
        token.seenAt = now;
        return token;
      }
      const { idle, max } = sessionLimits();
      const loginAt = Number(token.loginAt);
      const seenAt = Number(token.seenAt);
      if (!Number.isFinite(loginAt) || !Number.isFinite(seenAt)) return null; // a token from before these claims
      if (now - loginAt > max || now - seenAt > idle) return null;
      token.seenAt = now;
      return token;
    },
    session: ({ session, token }) => {
      session.user = {
        ...session.user,
        id: String(token.uid),
        role: token.role as Role,
        deskCodes: (token.deskCodes as string[]) ?? [],
        sessionVersion: Number(token.sv ?? -1),
      } as typeof session.user;
      return session;
    },
  },
});
