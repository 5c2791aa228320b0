import { can, type Actor, type Permission } from "@/lib/auth/roles";
import { forbidden, unauthorized } from "@/lib/errors";

/**
 * Same check as `requirePermission` in lib/auth/actor.ts, without importing the session machinery (next-auth),
 * so that the ticket services also run in integration tests and in the worker.
 */
export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission)) throw forbidden();
  return actor;
}
