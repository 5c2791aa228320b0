import { BODY_LIMITS, readBodyCapped } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { requirePermission } from "@/lib/auth/roles";
import { badRequest } from "@/lib/errors";
import { ingestEmail, mailboxFor } from "@/lib/tickets/intake";

/**
 * Inbound mail from providers that deliver by webhook: the raw MIME message as the body (spec 02), fed into
 * the same path as the SMTP listener. `?to=` names the mailbox when the raw mail does not (defaults to the
 * first tickets mailbox). Needs an API key (or session) whose role works tickets.
 */
export const POST = apiRoute({ permission: "workTickets", maxBodyBytes: BODY_LIMITS.inboundEmail }, async ({ req, url, actor }) => {
  requirePermission(actor, "workTickets");
  const bytes = await readBodyCapped(req, BODY_LIMITS.inboundEmail); // 25 MB, as the SMTP listener
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!raw.length) throw badRequest("Empty body: send the raw MIME message", { body: "required" });
  const to = url.searchParams.getAll("to");
  if (to.length && !mailboxFor(to)) throw badRequest("Not one of our mailboxes", { to: "unknown mailbox" });
  const r = await ingestEmail(raw, { to, from: url.searchParams.get("from") });
  return Response.json(r, { status: r.duplicate ? 200 : 201 });
});
