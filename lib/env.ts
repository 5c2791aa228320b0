import { z } from "zod";
import { dbEnvSchema } from "@/db/config";

/**
 * The one place the environment is read. Validated once, lazily (so `next build` needs no database),
 * and a bad value fails with a message naming the variable.
 */
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

// The database's settings (DATABASE_URL, PG_*) are db/config.ts's: db/ reads them itself, and the whole
// environment is validated here with them.
const envSchema = dbEnvSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  APP_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  SMTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(2525)),
  /** Address the inbound SMTP listener binds: loopback unless the operator opens it (the front MTA relays to it). */
  SMTP_HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  /** Concurrent SMTP clients; more get 421 (an MTA retries). */
  SMTP_MAX_CLIENTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(20)),
  /** PEM certificate and key files: with both, the listener offers STARTTLS. */
  SMTP_TLS_CERT: z.preprocess(emptyToUndefined, z.string().optional()),
  SMTP_TLS_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  /** The authserv-id of the front MTA whose Authentication-Results headers are trusted (lib/tickets/auth-results.ts). */
  SMTP_AUTHSERV_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[^\s;()]+$/, "one authserv-id, e.g. mx.ind.example")
      .optional(),
  ),
  /** How long a worker holds an outbound message it is sending before another worker may take it over. */
  OUTBOX_LEASE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(300)),
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
  /** Wrong passwords from one client address in 15 minutes before it is blocked (lib/auth/login.ts). */
  LOGIN_MAX_FAILURES_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30)),
  /** Wrong passwords across all accounts and addresses per minute before sign-in pauses for everyone. */
  LOGIN_MAX_FAILURES_GLOBAL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(300)),
  /** A session ends after this long without a request (decimals allowed, e.g. 0.1 in tests). */
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(30),
  ),
  /** …and this long after sign-in, however active. */
  SESSION_MAX_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(10),
  ),
  /** Reverse proxies whose X-Forwarded-For is believed: a hop count, or CIDRs/addresses, comma separated. */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .refine(
        (v) =>
          v === undefined ||
          /^\d+$/.test(v.trim()) ||
          v.split(",").every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$|^(loopback|linklocal|uniquelocal)$/.test(p.trim())),
        "a hop count, or addresses/CIDRs separated by commas",
      ),
  ),
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
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

export type Env = z.infer<typeof envSchema>;

const tlsPair = (e: { SMTP_TLS_CERT?: string; SMTP_TLS_KEY?: string }) => !!e.SMTP_TLS_CERT === !!e.SMTP_TLS_KEY;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema
    .refine(tlsPair, { path: ["SMTP_TLS_KEY"], message: "SMTP_TLS_CERT and SMTP_TLS_KEY go together: set both or neither" })
    .safeParse(source);
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
