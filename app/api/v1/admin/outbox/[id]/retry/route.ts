import { apiRoute } from "@/lib/api/route";
import { requirePermission } from "@/lib/auth/roles";
import { conflict } from "@/lib/errors";
import { retryOutboxMessage, wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent } from "@/lib/platform/events";
import { db } from "@/db/client";

export const POST = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ params, actor }) => {
  const a = requirePermission(actor, "administer");
  const r = await retryOutboxMessage(params.id);
  if (!r.retried) throw conflict("not_retryable", "This message was sent already or does not exist");
  await recordEvent(db, a, "outbound_email", params.id, "retry", { duringLease: !!r.leasedUntil });
  await wakeOutbox();
  // Being sent right now: the retry waits for that attempt (issue 11 item 10), it does not send a second copy.
  return { id: params.id, status: "queued", sendingUntil: r.leasedUntil?.toISOString() ?? null };
});
