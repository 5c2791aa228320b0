import { apiRoute, parseBody } from "@/lib/api/route";
import { limitHold } from "@/lib/appointments/limits";
import { holdBody } from "@/lib/appointments/schemas";
import { holdSlot } from "@/lib/appointments/service";

export const POST = apiRoute<{ id: string }>({ permission: "public", params: { id: "slotId" } }, async ({ req, params }) => {
  await limitHold(req);
  const body = await parseBody(req, holdBody);
  return Response.json(await holdSlot(decodeURIComponent(params.id), body.persons), { status: 201 });
});
