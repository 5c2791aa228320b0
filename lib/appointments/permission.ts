import { can, type Actor, type Permission } from "@/lib/auth/roles";
import { forbidden, unauthorized } from "@/lib/errors";

/**
 * The service-side role check (same rule as lib/auth/actor.ts requirePermission), without importing the
 * session machinery, so that the services run in jobs and integration tests too.
 */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission)) throw forbidden();
  return actor;
}
