import { endpointRoute, replyJson } from "@/lib/api/endpoint-route";
import { availableSlots, CACHE_5S, limitRead, slotsEndpoint, type SlotView } from "@/lib/appointments";
import { env } from "@/lib/env";

/**
 * Availability is asked for far more often than it changes (people poll it); responses are public and
 * cacheable for 5 s, and each instance also keeps the body of a query for one second. Bookings never read
 * this cache: the database decides at booking time (lib/appointments/service.ts takePlaces).
 */
const CACHE_MS = () => env().APPOINTMENTS_SLOTS_CACHE_MS;
const cache = new Map<string, { at: number; body: string }>();

// GET /api/v1/slots?desk=AM&product=BIO&persons=2&from=…&to=… (desk omitted, ALL or repeated: earliest across desks)
export const GET = endpointRoute(slotsEndpoint, { permission: "public" }, async ({ req, url, query: q }) => {
  await limitRead(req);
  const key = url.search;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS()) return replyJson<SlotView[]>(hit.body, { headers: CACHE_5S });
  const desks = q.desk === undefined ? null : Array.isArray(q.desk) ? q.desk : [q.desk];
  const body = JSON.stringify(
    await availableSlots({ desks, product: q.product, persons: q.persons, from: q.from, to: q.to, limit: q.limit }),
  );
  if (CACHE_MS() > 0) {
    if (cache.size > 1000) cache.clear();
    cache.set(key, { at: Date.now(), body });
  }
  return replyJson<SlotView[]>(body, { headers: CACHE_5S });
});
