import "server-only";
import { hashApiKey } from "./api-key-hash";
import { and, eq, isNull } from "drizzle-orm";
import type { Session } from "next-auth";
import { forbidden as nextForbidden, redirect } from "next/navigation";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { unauthorized } from "@/lib/errors";
import { auth } from "./config";
import { can, type Actor, type Permission } from "./roles";

export { hashApiKey } from "./api-key-hash";

/** The API key of an `Authorization: Bearer` header, if it is a live one. */
async function actorFromApiKey(header: string | null): Promise<Actor | null> {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  if (!m) return null;
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(m[1])), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw unauthorized("This API key is not valid");
  void db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(eq(apiKeys.id, key.id))
    .catch(() => undefined);
  return { kind: "apikey", id: key.id, name: `API key ${key.name}`, role: key.role, deskCodes: [] };
}

export type ResolvedActor = {
  actor: Actor | null;
  /** How the request authenticated: decides CSRF (cookies only) in lib/api/route.ts. */
  via: "apikey" | "session" | null;
  /** The refreshed session cookie (idle timer moved on), for the response. */
  setCookies: string[];
};

/**
 * The actor of a request: an API key, else the session cookie. A session is refused when its user was
 * deactivated or its session version is behind the user's (sign-out, password change), so both take
 * effect at once on every instance; the idle and absolute limits are checked in the jwt callback
 * (lib/auth/config.ts). Given the request, the refreshed session cookie is returned for the response.
 */
export async function resolveActor(req?: Request): Promise<ResolvedActor> {
  if (req) {
    const fromKey = await actorFromApiKey(req.headers.get("authorization"));
    if (fromKey) return { actor: fromKey, via: "apikey", setCookies: [] };
  }
  const holder = { headers: new Headers() };
  // next-auth's `auth({ req, res })` form: reads the session and appends the refreshed cookie to `res`.
  const session: Session | null = req
    ? await (auth as unknown as (a: { req: Request; res: typeof holder }) => Promise<Session | null>)({ req, res: holder })
    : await auth();
  // Only the session cookie (next-auth also hands out its CSRF cookie, which our API does not use).
  const setCookies = holder.headers.getSetCookie().filter((c) => /^(__Secure-)?authjs\.session-token/.test(c));
  if (!session?.user?.id) return { actor: null, via: null, setCookies };
  const [user] = await db.select().from(users).where(eq(users.id, session.user.id)).limit(1);
  if (!user || !user.active || user.sessionVersion !== session.user.sessionVersion) return { actor: null, via: null, setCookies };
  return {
    actor: {
      kind: "user",
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      deskCodes: user.deskCodes,
      mustChangePassword: user.mustChangePassword,
    },
    via: "session",
    setCookies,
  };
}

export async function currentActor(req?: Request): Promise<Actor | null> {
  return (await resolveActor(req)).actor;
}

/**
 * In agent pages: redirect to /login without a session, to the password page while the password must be
 * changed, and render the 403 page without the permission.
 */
export async function pageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect("/wachtwoord");
  if (permission && !can(actor, permission)) nextForbidden();
  return actor;
}
