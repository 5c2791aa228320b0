import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { tooManyRequests } from "@/lib/errors";
import { clientIp, limitPublic } from "@/lib/platform/rate-limit";

/**
 * Per-IP limits of the public appointment API. Writes (hold, book, manage, alerts) use the platform's
 * PostgreSQL limiter, shared by every instance. Availability reads are limited in memory per instance:
 * they change nothing, are cacheable for 5 s, and a database round trip per read would cost more than
 * the read itself (bench/RESULTS-appointments.md).
 */
let readLimiter: RateLimiterMemory | undefined;
const reads = () =>
  (readLimiter ??= new RateLimiterMemory({ keyPrefix: "appt-read", points: env().APPOINTMENTS_READS_PER_MINUTE, duration: 60 }));

export async function limitRead(req: Request): Promise<void> {
  try {
    await reads().consume(clientIp(req));
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooManyRequests(e.msBeforeNext / 1000);
    throw e;
  }
}

export const limitBook = (req: Request) => limitPublic(req, "appointments-book", 20);
export const limitHold = (req: Request) => limitPublic(req, "appointments-hold", 40);
export const limitManage = (req: Request) => limitPublic(req, "appointments-manage", 60);
export const limitAlerts = (req: Request) => limitPublic(req, "appointments-alerts", 10);

export const CACHE_5S = { "Cache-Control": "public, max-age=5" };
