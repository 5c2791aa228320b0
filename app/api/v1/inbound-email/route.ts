import { apiRoute } from "@/lib/api/route";
import { requirePermission } from "@/lib/auth/actor";
import { AppError, badRequest } from "@/lib/errors";
import { ingestEmail, mailboxFor, MAX_MESSAGE_BYTES } from "@/lib/tickets/intake";

/**
 * Inbound mail from providers that deliver by webhook: the raw MIME message as the body (spec 02), fed into
 * the same path as the SMTP listener. `?to=` names the mailbox when the raw mail does not (defaults to the
 * first tickets mailbox). Needs an API key (or session) whose role works tickets.
 */
export const POST = apiRoute({ permission: "workTickets" }, async ({ req, url, actor }) => {
  requirePermission(actor, "workTickets");
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_MESSAGE_BYTES) throw new AppError(413, "too_large", "Message over 25 MB");
  const raw = Buffer.from(await req.arrayBuffer());
  if (!raw.length) throw badRequest("Empty body: send the raw MIME message", { body: "required" });
  if (raw.length > MAX_MESSAGE_BYTES) throw new AppError(413, "too_large", "Message over 25 MB");
  const to = url.searchParams.getAll("to");
  if (to.length && !mailboxFor(to)) throw badRequest("Not one of our mailboxes", { to: "unknown mailbox" });
  const r = await ingestEmail(raw, { to, from: url.searchParams.get("from") });
  return Response.json(r, { status: r.duplicate ? 200 : 201 });
});
