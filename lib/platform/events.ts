import "server-only";
import { events } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { withoutPersonalData } from "./event-data";

/** Who did it, for the event log: a user, an API key, or the system itself (jobs, SMTP, CTI). */
export type EventActor = Actor | { kind: "system"; name: string };

/**
 * Writes one event row. Call it with the transaction that makes the change, so the change and its event
 * commit together (spec 00, Architecture). `data` holds ids, codes, dates and counts — never personal data
 * (events outlive the records they point at and are never rewritten); free text and addresses that slip in are
 * redacted (./event-data.ts). Reads of personal data are logged with auditRead (lib/privacy/audit.ts).
 */
export async function recordEvent(
  tx: DbOrTx,
  actor: EventActor,
  entityType: string,
  entityId: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  // Reads are logged by the one audit helper (auditRead, lib/privacy/audit.ts: ids, purpose, deduplication).
  if (action === "read") throw new Error("read events are written by auditRead (lib/privacy), not recordEvent");
  await tx.insert(events).values({
    actorId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.kind === "system" ? `system:${actor.name}` : actor.name,
    entityType,
    entityId,
    action,
    data: withoutPersonalData(data) as Record<string, unknown>,
  });
}

export const SYSTEM = (name: string): EventActor => ({ kind: "system", name });
