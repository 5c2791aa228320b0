import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import pino from "pino";
import { dbConfig } from "./config";
import * as schema from "./schema";

export type DB = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** A function that works inside or outside a transaction takes this. */
export type DbOrTx = DB | Tx;

// Cached on globalThis so that dev hot reload and several imports share one pool.
const g = globalThis as unknown as { __kicPool?: pg.Pool; __kicDb?: DB };

// Parse `date` columns as plain strings (they are calendar dates, not instants) and bigint counts as numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Timeouts, so that a slow or vanished database costs a request a bounded wait (then a 503 with
 * Retry-After, lib/errors.ts) instead of holding it and its connection forever:
 * - `statement_timeout`: PG_STATEMENT_TIMEOUT_MS in web processes (the custom server marks them with
 *   KIC_PROCESS_ROLE=web); PG_WORKER_STATEMENT_TIMEOUT_MS elsewhere (worker jobs, the demo seed, scripts),
 *   where one statement may rightly take minutes (rollup rebuilds, a year of demo calls).
 * - `idle_in_transaction_session_timeout`: a transaction left open by a stuck request releases its locks.
 * - `connectionTimeoutMillis`: how long to wait for a connection (new or from a full pool).
 * - `query_timeout` (client side, a little above the statement timeout): a query on a connection whose
 *   peer vanished without a TCP reset fails instead of waiting for the kernel's keepalive.
 * Broken connections leave the pool by themselves (pg discards a client that errored), so the app
 * recovers without a restart when the database is back.
 */
export function poolConfig(url: string): pg.PoolConfig {
  const e = dbConfig();
  const statement = process.env.KIC_PROCESS_ROLE === "web" ? e.PG_STATEMENT_TIMEOUT_MS : e.PG_WORKER_STATEMENT_TIMEOUT_MS;
  return {
    connectionString: url,
    max: e.PG_POOL_MAX,
    connectionTimeoutMillis: e.PG_CONNECT_TIMEOUT_MS,
    statement_timeout: statement || undefined,
    query_timeout: statement ? statement + 5000 : undefined,
    idle_in_transaction_session_timeout: e.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS || undefined,
    keepAlive: true,
  };
}

export function pool(): pg.Pool {
  if (!g.__kicPool) {
    const url = dbConfig().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    g.__kicPool = new pg.Pool(poolConfig(url));
    g.__kicPool.on("error", (err) =>
      poolLog().warn({ err: { code: (err as { code?: string }).code, message: err.message } }, "postgres pool: idle client error"),
    );
  }
  return g.__kicPool;
}

/**
 * Errors of idle pooled connections (the server restarted, a connection was cut) are logged by pino
 * directly, in the app's JSON log format, with only the error's code and message: they come from the
 * connection, never from a query, so they hold no SQL parameters and no personal data. db/ logs through
 * pino itself rather than lib/platform/logger.ts, which it may not import.
 */
let log: pino.Logger | undefined;
const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function poolLog(): pino.Logger {
  const level = process.env.LOG_LEVEL ?? "";
  log ??= pino({ level: LEVELS.includes(level) ? level : "info", base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  return log;
}

function getDb(): DB {
  g.__kicDb ??= drizzle(pool(), { schema });
  return g.__kicDb;
}

/** The drizzle database; connects on first use, so importing it costs nothing at build time. */
export const db: DB = new Proxy({} as DB, {
  get: (_t, prop) => {
    const real = getDb() as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export async function closeDb() {
  const p = g.__kicPool;
  g.__kicPool = undefined;
  g.__kicDb = undefined;
  await p?.end();
}
