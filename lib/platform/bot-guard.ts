import "server-only";
import crypto from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { currentActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/platform/rate-limit";

/**
 * Issue 11 item 4: bots cannot empty the calendar. Anonymous writes (holds, bookings, complaints, slot
 * alerts) are counted per client address and overall, per window (PostgreSQL, shared by every instance).
 * Below BOT_CHALLENGE_PER_CLIENT / BOT_CHALLENGE_OVERALL nothing changes. Above, the API answers
 *
 *   429 {"error": {"code": "challenge_required", "message", "challenge": {parameters, signature, header}}}
 *
 * with an ALTCHA v2 proof-of-work challenge (altcha-lib; SHA-256, deterministic counter; no third party).
 * The client solves it (the public forms do so in a Web Worker, lib/client/challenge.ts) and sends the same
 * request again with the header `X-Altcha: base64(JSON {challenge, solution})` — the body contract does not
 * change. A solution passes once (used_challenges, until the challenge expires) and a solved request is not
 * counted. Signed-in agents and API-key requests are exempt: they are authenticated and audit-logged.
 *
 * This is one function that each public write route calls first, before its body is read.
 */
export const CHALLENGE_HEADER = "X-Altcha";
const ALGORITHM = "SHA-256";

/** Keys derived from AUTH_SECRET (the same on every instance), or a per-process one where it is unset (dev). */
let secrets: { challenge: string; key: string; client: Buffer } | undefined;
function keys() {
  if (!secrets) {
    const root = env().AUTH_SECRET ?? process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("hex");
    const derive = (label: string) => crypto.createHmac("sha256", root).update(`kic:bot-guard:${label}`).digest();
    secrets = { challenge: derive("challenge").toString("hex"), key: derive("key-signature").toString("hex"), client: derive("client") };
  }
  return secrets;
}

/**
 * The client address as stored and counted: a keyed hash of `clientIp(req)` (no raw addresses in the
 * database), stable across instances.
 */
export function clientKey(req: Request): string {
  return crypto.createHmac("sha256", keys().client).update(clientIp(req)).digest("base64url").slice(0, 22);
}

export class ChallengeRequired extends AppError {
  constructor(
    message: string,
    readonly challenge: Challenge,
  ) {
    super(429, "challenge_required", message);
  }
  toBody() {
    return { error: { code: this.code, message: this.message, challenge: { ...this.challenge, header: CHALLENGE_HEADER } } };
  }
}

export async function newChallenge(): Promise<Challenge> {
  const e = env();
  const difficulty = e.BOT_CHALLENGE_DIFFICULTY;
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    // Deterministic mode: the solver must find this counter; on average it tries ~3/4 of `difficulty` hashes.
    counter: randomInt(difficulty, Math.floor(difficulty / 2)),
    deriveKey,
    expiresAt: new Date(Date.now() + e.BOT_CHALLENGE_TTL_SECONDS * 1000),
    hmacSignatureSecret: keys().challenge,
    hmacKeySignatureSecret: keys().key,
  });
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.string(),
        nonce: z.string(),
        salt: z.string(),
        cost: z.number(),
        keyLength: z.number(),
        keyPrefix: z.string(),
      })
      .loose(),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(256) }).loose(),
});

/** Checks an `X-Altcha` value and redeems it: "ok", or why it does not pass. */
export async function redeemSolution(header: string): Promise<"ok" | "invalid" | "expired" | "used"> {
  let payload: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(header, "base64").toString("utf8")));
    if (!parsed.success) return "invalid";
    payload = parsed.data;
  } catch {
    return "invalid";
  }
  if (payload.challenge.parameters.algorithm !== ALGORITHM) return "invalid";
  const result = await verifySolution({
    challenge: payload.challenge as Challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: keys().challenge,
    hmacKeySignatureSecret: keys().key,
  });
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  const expiresAt = new Date(Number(payload.challenge.parameters.expiresAt ?? Date.now() / 1000 + 3600) * 1000);
  // Single use: the first redemption inserts the signature; a replay finds it. Expired rows are swept here
  // (a few per call), as they can never be redeemed again anyway.
  const { rows } = await db.execute<{ signature: string }>(sql`
    with swept as (
      delete from used_challenges where signature in (select signature from used_challenges where expires_at < now() limit 20)
    )
    insert into used_challenges (signature, expires_at) values (${payload.challenge.signature}, ${expiresAt.toISOString()})
    on conflict (signature) do nothing returning signature`);
  return rows.length ? "ok" : "used";
}

const REFUSED: Record<"invalid" | "expired" | "used", string> = {
  invalid: "The proof of work does not solve its challenge; solve this one",
  expired: "The challenge has expired; solve this one",
  used: "This solution has been used already; solve this one",
};

/**
 * Counts one anonymous write, per client and overall, in one statement (one round trip: this runs before
 * every anonymous write). Fixed windows in the `rate_limits` table, rows in rate-limiter-flexible's format
 * (`prefix:key`, points, expire in ms), so the platform's limiters and these are one store. The client's row
 * is locked before the shared one in every statement (`order by`), so two writes never wait on each other
 * crosswise.
 * True when either count is above its threshold.
 */
async function aboveThreshold(req: Request): Promise<boolean> {
  const e = env();
  if (e.BOT_CHALLENGE_PER_CLIENT === 0 || e.BOT_CHALLENGE_OVERALL === 0) return true;
  const now = Date.now();
  const expire = now + e.BOT_CHALLENGE_WINDOW_SECONDS * 1000;
  const client = `anon-writes-client:${clientKey(req)}`;
  // synchronous_commit off for this statement's own transaction: a count lost in a crash costs nothing, and
  // not waiting for the WAL flush keeps this extra commit per anonymous write cheap (bench/security-booking.ts).
  const { rows } = await db.execute<{ key: string; points: number }>(sql`
    with async as (select set_config('synchronous_commit', 'off', true))
    insert into rate_limits (key, points, expire)
    select v.key, 1, ${expire}::bigint from (values (${client}, 1), ('anon-writes-all:all', 2)) v(key, ord), async order by v.ord
    on conflict (key) do update set
      points = case when rate_limits.expire <= ${now} then 1 else rate_limits.points + 1 end,
      expire = case when rate_limits.expire <= ${now} then excluded.expire else rate_limits.expire end
    returning key, points`);
  return rows.some((r) => r.points > (r.key === client ? e.BOT_CHALLENGE_PER_CLIENT : e.BOT_CHALLENGE_OVERALL));
}

/** The signed-in agent or API key of a request, if any (an unknown key counts as anonymous here). */
async function requestActor(req: Request): Promise<Actor | null> {
  if (!req.headers.has("cookie") && !req.headers.has("authorization")) return null;
  return currentActor(req).catch(() => null);
}

/**
 * The first call of every anonymous write route (before the body is read). Returns the actor when the
 * request is authenticated (exempt), null for an anonymous request that may go ahead; throws 429
 * `challenge_required` otherwise.
 */
export async function guardAnonymousWrite(req: Request): Promise<Actor | null> {
  const actor = await requestActor(req);
  if (actor) return actor;
  const solution = req.headers.get(CHALLENGE_HEADER);
  if (solution) {
    const outcome = await redeemSolution(solution);
    if (outcome === "ok") return null;
    throw new ChallengeRequired(REFUSED[outcome], await newChallenge());
  }
  if (await aboveThreshold(req))
    throw new ChallengeRequired(
      "Many requests came from your network; your browser solves a short puzzle and sends again",
      await newChallenge(),
    );
  return null;
}
