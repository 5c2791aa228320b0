import { apiRoute } from "@/lib/api/route";
import { CACHE_5S, limitRead } from "@/lib/appointments/limits";
import { publicProducts } from "@/lib/appointments/service";

export const GET = apiRoute({ permission: "public" }, async ({ req }) => {
  await limitRead(req);
  return Response.json(await publicProducts(), { headers: CACHE_5S });
});
