import "server-only";
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, tooManyRequests } from "@/lib/errors";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { limiter } from "@/lib/platform/rate-limit";
import { dummyHash, verifyPassword } from "./password";
import type { TicketUser } from "./ticket";

/**
 * The one password check of the app, under three failure counters kept in PostgreSQL (every instance sees
 * them):
 * - per account (the lower-cased email, hashed): LOGIN_MAX_FAILURES in 15 minutes, then a block of
 *   LOGIN_BLOCK_SECONDS that doubles with each further block of that account within a day (capped at an
 *   hour);
 * - per client address (lib/platform/rate-limit.ts clientIp): LOGIN_MAX_FAILURES_PER_IP in 15 minutes,
 *   blocked the same way;
 * - overall: LOGIN_MAX_FAILURES_GLOBAL a minute across all accounts and addresses (a password-spraying
 *   ceiling), no block beyond the minute.
 * A point is taken from each counter BEFORE the password is compared, in one atomic upsert per counter, so
 * parallel guesses cannot get past the limit; a right password gives the points back (the counters count
 * failures, not sign-ins) and clears the account's count. An attempt refused by a counter compares no
 * password and costs the other counters nothing. The password is compared once per attempt (bcrypt, or a
 * dummy hash for an unknown account so both cost the same time).
 * Sign-ins and failures go to the event log; the log and the counter keys never hold the raw email.
 */
const WINDOW_SECONDS = 15 * 60;
const MAX_BLOCK_SECONDS = 3600;

const counters = () => {
  const e = env();
  return {
    account: limiter("login", e.LOGIN_MAX_FAILURES, WINDOW_SECONDS),
    address: limiter("login-ip", e.LOGIN_MAX_FAILURES_PER_IP, WINDOW_SECONDS),
    global: limiter("login-all", e.LOGIN_MAX_FAILURES_GLOBAL, 60),
    blocks: limiter("login-blocks", 1_000_000, 24 * 3600),
  };
};

/** The counter key for an account: not the email itself (rate_limits rows are not personal data then). */
export const accountKey = (email: string) => crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

type Taken = { l: RateLimiterPostgres; key: string };

/**
 * Takes one point from each counter; when one refuses, gives the others back and throws 429. The first
 * attempt over a blocking counter's limit sets its block: LOGIN_BLOCK_SECONDS × 2^(blocks today − 1).
 */
async function takePoints(items: (Taken & { blocking: boolean })[]): Promise<Taken[]> {
  const results = await Promise.allSettled(items.map((i) => i.l.consume(i.key)));
  const refused = results.flatMap((r, n) => (r.status === "rejected" ? [{ r: r.reason, item: items[n] }] : []));
  if (!refused.length) return items;
  for (const { r } of refused) if (!(r instanceof RateLimiterRes)) throw r;
  await Promise.all(results.map((r, n) => (r.status === "fulfilled" ? items[n].l.reward(items[n].key) : null)));
  let waitMs = 0;
  for (const { r, item } of refused) {
    const res = r as RateLimiterRes;
    if (item.blocking && res.consumedPoints === item.l.points + 1) {
      // The first attempt over the limit sets the block (its own refusal still shows the window's end).
      const blocks = await counters().blocks.consume(`${item.l.keyPrefix}:${item.key}`);
      const seconds = Math.min(MAX_BLOCK_SECONDS, env().LOGIN_BLOCK_SECONDS * 2 ** Math.min(20, blocks.consumedPoints - 1));
      await item.l.block(item.key, seconds);
      waitMs = Math.max(waitMs, seconds * 1000);
    } else waitMs = Math.max(waitMs, res.msBeforeNext);
  }
  throw tooManyRequests(waitMs / 1000);
}

export async function checkCredentials(emailRaw: string, password: string, clientAddress = "unknown"): Promise<TicketUser> {
  const email = emailRaw.trim().toLowerCase();
  const c = counters();
  const key = accountKey(email);
  const taken = await takePoints([
    { l: c.global, key: "all", blocking: false },
    { l: c.address, key: clientAddress, blocking: true },
    { l: c.account, key, blocking: true },
  ]);

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (user && ok && user.active) {
    await Promise.all([
      ...taken.filter((t) => t.l !== c.account).map((t) => t.l.reward(t.key)),
      c.account.delete(key),
      recordEvent(
        db,
        { kind: "user", id: user.id, name: user.name, role: user.role, deskCodes: user.deskCodes },
        "user",
        user.id,
        "signed_in",
        {
          address: clientAddress,
        },
      ),
    ]);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      deskCodes: user.deskCodes,
      sessionVersion: user.sessionVersion,
      mustChangePassword: user.mustChangePassword,
    };
  }
  await recordEvent(db, SYSTEM("login"), "user", user?.id ?? `account:${key}`, "sign_in_failed", {
    reason: !user ? "unknown_account" : !ok ? "wrong_password" : "inactive",
    address: clientAddress,
  });
  throw new AppError(401, "invalid_credentials", "Email address or password is not right");
}

/**
 * A signed-in user's current password, for the password change: the same account counter as sign-in (a
 * stolen session cannot guess the password either), compared once.
 */
export async function checkOwnPassword(userId: string, password: string): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return false;
  const c = counters();
  const key = accountKey(user.email);
  await takePoints([{ l: c.account, key, blocking: true }]);
  const ok = await verifyPassword(password, user.passwordHash);
  if (ok) await c.account.delete(key);
  return ok;
}
