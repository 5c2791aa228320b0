import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/route";
import { isoDate } from "@/lib/appointments/schemas";
import { deskDay } from "@/lib/appointments/service";

export const GET = apiRoute<{ code: string }>({ permission: "runDesk", params: { code: "deskCode" } }, async ({ url, params, actor }) => {
  const q = parseQuery(url, z.object({ date: isoDate }));
  return deskDay(actor!, params.code.toUpperCase(), q.date);
});
