import { apiRoute, parseBody } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { noteSchema } from "@/lib/tickets/schemas";
import { addNote } from "@/lib/tickets/service";

export const POST = apiRoute<{ number: string }>(
  { permission: "workTickets", params: { number: "ticketNumber" } },
  async ({ req, params, actor }) =>
    Response.json(await addNote(actor, ticketNumberParam(params.number), (await parseBody(req, noteSchema)).body), { status: 201 }),
);
