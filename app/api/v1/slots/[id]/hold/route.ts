import { endpointRoute } from "@/lib/api/endpoint-route";
import { holdEndpoint, holdSlot, limitHold } from "@/lib/appointments";
import { clientKey, guardAnonymousWrite } from "@/lib/platform/bot-guard";

export const POST = endpointRoute(holdEndpoint, { permission: "public" }, async ({ req, params, body }) => {
  // First, before the body: anonymous writes above the threshold must bring a solved challenge (issue 11.4).
  const actor = await guardAnonymousWrite(req);
  await limitHold(req);
  const { persons, replaces } = await body();
  // Anonymous holds are capped per client address; an agent's are not (one agent books for many callers).
  return holdSlot(params.id, persons, new Date(), { clientKey: actor ? null : clientKey(req), replaces });
});
