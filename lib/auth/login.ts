import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, tooManyRequests } from "@/lib/errors";
import { limiter } from "@/lib/platform/rate-limit";
import { dummyHash, verifyPassword } from "./password";
import type { Actor } from "./roles";

/**
 * Checks a password under the login rate limit: LOGIN_MAX_FAILURES wrong passwords in a row for one
 * account block it for LOGIN_BLOCK_SECONDS (429 with Retry-After); a right password resets the count.
 * The count is per account (lower-cased email), kept in PostgreSQL so every instance sees it.
 */
export async function checkCredentials(emailRaw: string, password: string): Promise<Actor> {
  const email = emailRaw.trim().toLowerCase();
  const e = env();
  const failures = limiter("login", e.LOGIN_MAX_FAILURES, 15 * 60, e.LOGIN_BLOCK_SECONDS);

  const state = await failures.get(email);
  if (state && state.consumedPoints > e.LOGIN_MAX_FAILURES) throw tooManyRequests(state.msBeforeNext / 1000);

  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true)))
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (user && ok) {
    await failures.delete(email);
    return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role, deskCodes: user.deskCodes };
  }
  try {
    await failures.consume(email);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw tooManyRequests(err.msBeforeNext / 1000);
    throw err;
  }
  throw new AppError(401, "invalid_credentials", "Email address or password is not right");
}
