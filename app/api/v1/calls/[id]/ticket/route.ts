import { apiRoute, parseBody } from "@/lib/api/route";
import { callIdOf, ticketFromCallSchema } from "@/lib/calls/schemas";
import { createTicketFromCall } from "@/lib/calls/service";

export const POST = apiRoute<{ id: string }>({ permission: "workCalls", params: { id: "int" } }, async ({ req, params, actor }) => {
  const r = await createTicketFromCall(actor!, callIdOf(params.id), await parseBody(req, ticketFromCallSchema));
  return Response.json(r, { status: 201 });
});
