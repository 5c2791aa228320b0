import { apiRoute } from "@/lib/api/route";
import { requirePermission } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { retryOutboxMessage, wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent } from "@/lib/platform/events";
import { db } from "@/db/client";

export const POST = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ params, actor }) => {
  const a = requirePermission(actor, "administer");
  if (!(await retryOutboxMessage(params.id))) throw conflict("not_retryable", "This message was sent already or does not exist");
  await recordEvent(db, a, "outbound_email", params.id, "retry");
  await wakeOutbox();
  return { id: params.id, status: "queued" };
});
