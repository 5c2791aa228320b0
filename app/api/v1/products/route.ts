import { endpointRoute, reply } from "@/lib/api/endpoint-route";
import { CACHE_5S, limitRead, productsEndpoint, publicProducts } from "@/lib/appointments";

export const GET = endpointRoute(productsEndpoint, { permission: "public" }, async ({ req }) => {
  await limitRead(req);
  return reply(await publicProducts(), { headers: CACHE_5S });
});
