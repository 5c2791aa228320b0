import "server-only";
import { hashApiKey } from "./api-key-hash";
import { and, eq, isNull } from "drizzle-orm";
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
  void db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id)).catch(() => undefined);
  return { kind: "apikey", id: key.id, name: `API key ${key.name}`, role: key.role, deskCodes: [] };
}

/**
 * The actor of a request: an API key or the session. A session whose user was deactivated since sign-in
 * is refused, so deactivation takes effect at once.
 */
export async function currentActor(req?: Request): Promise<Actor | null> {
  if (req) {
    const fromKey = await actorFromApiKey(req.headers.get("authorization"));
    if (fromKey) return fromKey;
  }
  const session = await auth();
  if (!session?.user?.id) return null;
  const [user] = await db.select().from(users).where(eq(users.id, session.user.id)).limit(1);
  if (!user || !user.active) return null;
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role, deskCodes: user.deskCodes };
}

export { requirePermission } from "./roles";

/** In agent pages: redirect to /login without a session, render the 403 page without the permission. */
export async function pageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (permission && !can(actor, permission)) nextForbidden();
  return actor;
}
