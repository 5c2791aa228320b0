import { z } from "zod";

/**
 * The one place the environment is read. Validated once, lazily (so `next build` needs no database),
 * and a bad value fails with a message naming the variable.
 */
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  APP_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  SMTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(2525)),
  MAILBOXES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("kic@ind.example=tickets,klachten@ind.example=complaints")
      .refine(
        (s) => s.split(",").every((p) => /^[^@\s=]+@[^@\s=]+=(tickets|complaints)$/.test(p.trim())),
        "expected address=tickets|complaints, comma separated",
      ),
  ),
  SMTP_RELAY_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("IND Klantcontact <noreply@ind.example>")),
  CTI_TOKEN: z.preprocess(emptyToUndefined, z.string().min(8).optional()),
  EMBEDDED_PG_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(5433)),
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["0", "1"]).optional()),
  LOGIN_MAX_FAILURES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(5)),
  LOGIN_BLOCK_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(60)),
  /** Availability reads allowed per IP and minute on one instance (benches lift it). */
  APPOINTMENTS_READS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(600)),
  /** How long one instance reuses an availability answer (0 = never); responses say max-age=5 anyway. */
  APPOINTMENTS_SLOTS_CACHE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(5000).default(1000)),
  /**
   * Issue 11 item 4 (bots cannot empty the calendar). Caps per applicant identity, kept by the database
   * (lib/appointments/caps.ts): future bookings per product per email / phone / V-number (public bookings),
   * and live holds per client address. Holds last APPOINTMENTS_HOLD_MINUTES.
   */
  APPOINTMENTS_MAX_FUTURE_BOOKINGS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(2)),
  APPOINTMENTS_MAX_ACTIVE_HOLDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(3)),
  APPOINTMENTS_HOLD_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(15).default(5)),
  /**
   * Anonymous writes (holds, bookings, complaints, slot alerts) above which a proof-of-work challenge is
   * required (lib/platform/bot-guard.ts): per client address and overall, per window.
   */
  BOT_CHALLENGE_WINDOW_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(86400).default(600)),
  BOT_CHALLENGE_PER_CLIENT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(10)),
  BOT_CHALLENGE_OVERALL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(2000)),
  /** Work of one challenge: the solver tries on average ~3/4 of this many SHA-256 hashes. */
  BOT_CHALLENGE_DIFFICULTY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(10_000_000).default(50_000)),
  BOT_CHALLENGE_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(30).max(3600).default(300)),
  /** Connections per process in the PostgreSQL pool. */
  PG_POOL_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/** The configured inbound mailboxes: address → what their mail becomes. */
export function mailboxes(): Map<string, "tickets" | "complaints"> {
  const map = new Map<string, "tickets" | "complaints">();
  for (const part of env().MAILBOXES.split(",")) {
    const [address, kind] = part.trim().split("=");
    map.set(address.toLowerCase(), kind as "tickets" | "complaints");
  }
  return map;
}
