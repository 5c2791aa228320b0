import { apiRoute, parseBody } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { patchSchema } from "@/lib/tickets/schemas";
import { getTicket, updateTicket } from "@/lib/tickets/service";

type P = { number: string };

export const GET = apiRoute<P>({ permission: "readTickets", params: { number: "ticketNumber" } }, async ({ url, params, actor }) =>
  getTicket(actor, ticketNumberParam(params.number), { showImages: url.searchParams.get("images") === "1" }),
);

export const PATCH = apiRoute<P>({ permission: "workTickets", params: { number: "ticketNumber" } }, async ({ req, params, actor }) =>
  updateTicket(actor, ticketNumberParam(params.number), await parseBody(req, patchSchema)),
);
