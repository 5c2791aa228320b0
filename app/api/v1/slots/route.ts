import { apiRoute, parseQuery } from "@/lib/api/route";
import { CACHE_5S, limitRead } from "@/lib/appointments/limits";
import { slotsQuery } from "@/lib/appointments/schemas";
import { availableSlots } from "@/lib/appointments/service";

// GET /api/v1/slots?desk=AM&product=BIO&persons=2&from=…&to=… (desk omitted, ALL or repeated: earliest across desks)
export const GET = apiRoute({ permission: "public" }, async ({ req, url }) => {
  await limitRead(req);
  const q = parseQuery(url, slotsQuery);
  const desks = q.desk === undefined ? null : Array.isArray(q.desk) ? q.desk : [q.desk];
  const slots = await availableSlots({ desks, product: q.product, persons: q.persons, from: q.from, to: q.to, limit: q.limit });
  return Response.json(slots, { headers: CACHE_5S });
});
