import type { Role } from "@/db/schema/platform";
import { forbidden, unauthorized } from "@/lib/errors";
export { ROLES, type Role } from "@/db/schema/platform";

/** Who is acting: a signed-in user or an API key, with the role that decides what they may do. */
export type Actor = {
  kind: "user" | "apikey";
  id: string;
  name: string;
  email?: string;
  role: Role;
  deskCodes: string[];
  /** A session user whose password was set by someone else: only the password change is open to them. */
  mustChangePassword?: boolean;
};

/**
 * Role groups used across services (spec 00, "Roles"). Supervisors read everything; admins manage the
 * system. Keep the checks in services (lib/<capability>/), not only in pages or proxy.ts.
 */
export const CAN = {
  workTickets: ["frontdesk", "backoffice", "supervisor", "admin"],
  /** Read tickets (of the queues lib/tickets/access.ts gives the role): complaint handlers read complaint mail. */
  readTickets: ["frontdesk", "backoffice", "complaints", "supervisor", "admin"],
  workCalls: ["frontdesk", "backoffice", "supervisor", "admin"],
  bookForCaller: ["frontdesk", "backoffice", "supervisor", "admin"],
  registerComplaint: ["frontdesk", "backoffice", "complaints", "supervisor", "admin"],
  handleComplaints: ["complaints", "supervisor", "admin"],
  /** The monthly complaint publication (aggregate figures, no personal data): agents, complaints, supervisors. */
  viewComplaintFigures: ["frontdesk", "backoffice", "complaints", "supervisor", "admin"],
  runDesk: ["desk", "supervisor", "admin"],
  viewDashboards: ["supervisor", "admin"],
  importData: ["supervisor", "admin"],
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof CAN;

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (CAN[permission] as readonly Role[]).includes(actor.role);
}

/** Ticket/call queues a role may work (frontdesk only its own queue; backoffice all three). */
export function queuesFor(role: Role): ("frontdesk" | "backoffice" | "partners")[] {
  if (role === "frontdesk") return ["frontdesk"];
  if (role === "backoffice" || role === "supervisor" || role === "admin") return ["frontdesk", "backoffice", "partners"];
  return [];
}

/** Supervisors may read everything but change only what their own permissions allow. */
export function isReadOnlySupervisor(actor: Actor, permission: Permission): boolean {
  return actor.role === "supervisor" && !can(actor, permission);
}

/**
 * The one permission check (issue 13), for services: throw 401 without an actor, 403 without the permission.
 * Pure (no session machinery), so the services also run in the worker and in tests; routes get the same
 * check through `apiRoute({ permission })` (lib/api/route.ts) and pages through `pageActor` (lib/auth/actor.ts).
 */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission)) throw forbidden();
  return actor;
}
