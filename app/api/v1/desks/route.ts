import { endpointRoute, reply } from "@/lib/api/endpoint-route";
import { CACHE_5S, desksEndpoint, limitRead, publicDesks } from "@/lib/appointments";

export const GET = endpointRoute(desksEndpoint, { permission: "public" }, async ({ req, query }) => {
  await limitRead(req);
  return reply(await publicDesks(query.product), { headers: CACHE_5S });
});
