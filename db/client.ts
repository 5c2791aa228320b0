import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "@/lib/env";
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

export function pool(): pg.Pool {
  if (!g.__kicPool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    g.__kicPool = new pg.Pool({ connectionString: url, max: env().PG_POOL_MAX });
    g.__kicPool.on("error", (err) => console.error("postgres pool error", err.message));
  }
  return g.__kicPool;
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
