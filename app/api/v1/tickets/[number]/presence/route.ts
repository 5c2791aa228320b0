import { apiRoute, parseBody } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { presenceSchema } from "@/lib/tickets/schemas";
import { leavePresence, touchPresence } from "@/lib/tickets/service";

type P = { number: string };

/** Heartbeat: "I have this ticket open (and am typing)"; answers who else has. */
export const POST = apiRoute<P>({ permission: "readTickets", params: { number: "ticketNumber" } }, async ({ req, params, actor }) =>
  touchPresence(actor, ticketNumberParam(params.number), (await parseBody(req, presenceSchema)).typing),
);

export const DELETE = apiRoute<P>({ permission: "readTickets", params: { number: "ticketNumber" } }, async ({ params, actor }) =>
  leavePresence(actor, ticketNumberParam(params.number)),
);
