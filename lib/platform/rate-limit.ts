import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/db/client";
import { tooManyRequests } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "./client-ip-header";

/**
 * Rate limits live in PostgreSQL (table `rate_limits`, created by our migration) so that every web
 * instance shares them. One limiter per purpose, created on first use.
 */
const limiters = new Map<string, RateLimiterPostgres>();

export function limiter(name: string, points: number, durationSeconds: number, blockSeconds = 0): RateLimiterPostgres {
  const id = `${name}:${points}:${durationSeconds}:${blockSeconds}`;
  let l = limiters.get(id);
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
      blockDuration: blockSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(id, l);
  }
  return l;
}

/** Consume one point or throw the API's 429 with Retry-After. */
export async function consumeOrThrow(l: RateLimiterPostgres, key: string, points = 1): Promise<void> {
  try {
    await l.consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooManyRequests(e.msBeforeNext / 1000);
    throw e;
  }
}

/**
 * The client's address for per-client limits: the one the web server worked out from the socket or the
 * trusted proxies (lib/platform/client-address.ts) — never a header the client chose. Without that server
 * (a bare `next dev`) every client shares the key "unknown".
 */
export function clientIp(req: Request): string {
  return req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** Public endpoints: 120 requests a minute per IP and purpose. */
export async function limitPublic(req: Request, purpose: string, perMinute = 120): Promise<void> {
  await consumeOrThrow(limiter(`public-${purpose}`, perMinute, 60), clientIp(req));
}
