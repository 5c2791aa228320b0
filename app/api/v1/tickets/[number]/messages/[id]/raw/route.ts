import { apiRoute } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { rawSourceFor } from "@/lib/tickets/service";

/** The raw source of an inbound message (e.g. a mail that could not be parsed), as a download. */
export const GET = apiRoute<{ number: string; id: string }>(
  { permission: "readTickets", params: { number: "ticketNumber", id: "uuid" } },
  async ({ params, actor }) => {
    const raw = await rawSourceFor(actor, ticketNumberParam(params.number), params.id);
    return new Response(new Uint8Array(raw), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="KIC-${params.number}-${params.id.slice(0, 8)}.eml"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
);
