/**
 * Times the calls demo seed (lib/calls/demo.ts) on a scratch database of DATABASE_URL's server (default the
 * machine's PostgreSQL), and prints volume, reachability, mean wait and talk per queue.
 *   node --import tsx bench/calls-demo.ts
 */
import "../scripts/server-only-stub";
import pg from "pg";

async function main() {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `kic_bench_calls_demo_${Date.now().toString(36)}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    const { migrateDatabase } = await import("../db/migrate");
    await migrateDatabase(process.env.DATABASE_URL);
    const { seedPlatformDemo } = await import("../lib/platform/demo");
    await seedPlatformDemo();
    const { seedDemo } = await import("../lib/calls/demo");
    const t = performance.now();
    await seedDemo();
    console.log(`calls demo seed: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { db, closeDb } = await import("../db/client");
    const { sql } = await import("drizzle-orm");
    const r = await db.execute(sql`select queue, count(*) as calls,
        round(100.0 * count(*) filter (where answered_at is not null) / count(*), 1) as reachability_pct,
        round(avg(wait_seconds)) as mean_wait_s, round(avg(talk_seconds)) as mean_talk_s
      from calls group by queue order by queue`);
    console.table(r.rows);
    await closeDb();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
