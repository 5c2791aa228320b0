import "server-only";
import { events } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";

/** Who did it, for the event log: a user, an API key, or the system itself (jobs, SMTP, CTI). */
export type EventActor = Actor | { kind: "system"; name: string };

/**
 * Writes one event row. Call it with the transaction that makes the change, so the change and its event
 * commit together (spec 00, Architecture).
 */
export async function recordEvent(
  tx: DbOrTx,
  actor: EventActor,
  entityType: string,
  entityId: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(events).values({
    actorId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.kind === "system" ? `system:${actor.name}` : actor.name,
    entityType,
    entityId,
    action,
    data,
  });
}

/** An agent reading a person's data is audit-logged (spec 00). */
export const recordRead = (tx: DbOrTx, actor: Actor, entityType: string, entityId: string) =>
  recordEvent(tx, actor, entityType, entityId, "read");

export const SYSTEM = (name: string): EventActor => ({ kind: "system", name });
