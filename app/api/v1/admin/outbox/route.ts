import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { requirePermission } from "@/lib/auth/roles";
import { listOutbox } from "@/lib/mail/outbox";
import { auditRead } from "@/lib/privacy/audit";

const q = z.object({ status: z.enum(["queued", "sent", "failed"]).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

/** The outbox for admins: per message queued / sent / failed, attempts, next try and last error. */
export const GET = apiRoute({ permission: "administer" }, async ({ url, actor }) => {
  const admin = requirePermission(actor, "administer");
  const query = parseQuery(url, q);
  const rows = await listOutbox(query);
  // Addresses and subjects of mail to people: the admin's read is in the access log like any other.
  await auditRead(admin, {
    entityType: "outbound_email",
    ids: rows.map((m) => m.id),
    purpose: "outbox_admin",
    filters: query,
    dedupeMinutes: 10,
  });
  return rows.map((m) => ({
    id: m.id,
    createdAt: m.createdAt,
    to: m.toAddress,
    from: m.fromAddress,
    subject: m.subject,
    kind: m.kind,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError,
    sentAt: m.sentAt,
    messageId: m.messageId,
    contextType: m.contextType,
    contextId: m.contextId,
  }));
});
