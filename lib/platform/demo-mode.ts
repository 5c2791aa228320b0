import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Env } from "@/lib/env";

/**
 * Demo mode, decided in one place. The demo accounts share a published password, so they exist only in
 * demo mode:
 * - `SEED_DEMO=1`: demo, on any database;
 * - `SEED_DEMO=0`: never;
 * - unset: demo only for `npm start` on the embedded database (a laptop) and NODE_ENV not `production`.
 *   With DATABASE_URL set, no demo, whatever NODE_ENV says (an unset NODE_ENV must not put demo accounts
 *   on a production database).
 * The seed records the outcome in the settings table (`demo.mode`), so every web instance (and the login
 * page, the start banner) agrees on it without its own environment.
 */
export const DEMO_PASSWORD = "kic-demo-2026";
const KEY = "demo.mode";

export function demoRequested(e: Pick<Env, "SEED_DEMO" | "NODE_ENV">, embeddedDatabase: boolean): boolean {
  if (e.SEED_DEMO === "1") return true;
  if (e.SEED_DEMO === "0") return false;
  return embeddedDatabase && e.NODE_ENV !== "production";
}

export async function markDemoDatabase(): Promise<void> {
  await db.execute(
    sql`insert into settings (key, value) values (${KEY}, 'true'::jsonb) on conflict (key) do update set value = 'true'::jsonb, updated_at = now()`,
  );
}

let cache: { at: number; value: boolean } | undefined;

/** Whether this database was seeded as a demo (cached for 30 s per process). */
export async function isDemoDatabase(): Promise<boolean> {
  if (cache && Date.now() - cache.at < 30_000) return cache.value;
  const { rows } = await db.execute<{ demo: boolean }>(
    sql`select coalesce((select value = 'true'::jsonb from settings where key = ${KEY}), false) as demo`,
  );
  cache = { at: Date.now(), value: rows[0]?.demo === true };
  return cache.value;
}
