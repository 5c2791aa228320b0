import { apiRoute, parseQuery } from "@/lib/api/route";
import { CACHE_5S, limitRead } from "@/lib/appointments/limits";
import { desksQuery } from "@/lib/appointments/schemas";
import { publicDesks } from "@/lib/appointments/service";

export const GET = apiRoute({ permission: "public" }, async ({ req, url }) => {
  await limitRead(req);
  const q = parseQuery(url, desksQuery);
  return Response.json(await publicDesks(q.product), { headers: CACHE_5S });
});
