import { apiRoute, parseBody, parseQuery } from "@/lib/api/route";
import { createTicketSchema, listQuerySchema } from "@/lib/tickets/schemas";
import { createManualTicket, listTickets } from "@/lib/tickets/service";

export const GET = apiRoute({ permission: "readTickets" }, async ({ url, actor }) => listTickets(actor, parseQuery(url, listQuerySchema)));

export const POST = apiRoute({ permission: "workTickets" }, async ({ req, actor }) =>
  Response.json(await createManualTicket(actor, await parseBody(req, createTicketSchema)), { status: 201 }),
);
