import "../scripts/server-only-stub";
import pg from "pg";
async function main() {
  const admin = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query("drop database if exists kic_bench_calls_demo with (force)");
  await admin.query("create database kic_bench_calls_demo");
  await admin.end();
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kic_bench_calls_demo";
  const { migrateDatabase } = await import("../db/migrate");
  await migrateDatabase(process.env.DATABASE_URL);
  const { seedPlatformDemo } = await import("../lib/platform/demo");
  await seedPlatformDemo();
  const { seedDemo } = await import("../lib/calls/demo");
  const t = Date.now();
  await seedDemo();
  console.log("seed", (Date.now() - t) / 1000, "s");
  const { db, closeDb } = await import("../db/client");
  const { sql } = await import("drizzle-orm");
  const r = await db.execute(sql`select queue, count(*), round(100.0*count(*) filter (where answered_at is not null)/count(*),1) as reach, round(avg(wait_seconds)) w, round(avg(talk_seconds)) t from calls group by queue`);
  console.log(r.rows);
  await closeDb();
}
main();
// Times the calls demo seed (lib/calls/demo.ts) on a scratch database of the machine's PostgreSQL:
//   node --import tsx bench/calls-demo.ts
