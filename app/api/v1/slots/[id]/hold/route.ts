import { apiRoute, parseBody } from "@/lib/api/route";
import { limitHold } from "@/lib/appointments/limits";
import { holdBody } from "@/lib/appointments/schemas";
import { holdSlot } from "@/lib/appointments/service";
import { clientKey, guardAnonymousWrite } from "@/lib/platform/bot-guard";

export const POST = apiRoute<{ id: string }>({ permission: "public", params: { id: "slotId" } }, async ({ req, params }) => {
  // First, before the body: anonymous writes above the threshold must bring a solved challenge (issue 11.4).
  const actor = await guardAnonymousWrite(req);
  await limitHold(req);
  const body = await parseBody(req, holdBody);
  // Anonymous holds are capped per client address; an agent's are not (one agent books for many callers).
  const hold = await holdSlot(decodeURIComponent(params.id), body.persons, new Date(), {
    clientKey: actor ? null : clientKey(req),
    replaces: body.replaces,
  });
  return Response.json(hold, { status: 201 });
});
