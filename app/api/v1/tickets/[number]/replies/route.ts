import { apiRoute, parseBody } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { replySchema } from "@/lib/tickets/schemas";
import { replyToTicket } from "@/lib/tickets/service";

export const POST = apiRoute<{ number: string }>(
  { permission: "workTickets", params: { number: "ticketNumber" } },
  async ({ req, params, actor }) =>
    Response.json(await replyToTicket(actor, ticketNumberParam(params.number), await parseBody(req, replySchema)), { status: 201 }),
);
