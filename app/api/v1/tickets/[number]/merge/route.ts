import { apiRoute, parseBody } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { mergeSchema } from "@/lib/tickets/schemas";
import { mergeTickets } from "@/lib/tickets/service";

export const POST = apiRoute<{ number: string }>(
  { permission: "workTickets", params: { number: "ticketNumber" } },
  async ({ req, params, actor }) => mergeTickets(actor, ticketNumberParam(params.number), (await parseBody(req, mergeSchema)).into),
);
