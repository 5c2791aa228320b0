/**
 * Complaints bench: on a throw-away database (DATABASE_URL's server, default the local PostgreSQL), seeds
 * the demo year, then times the tracker list, the dashboard summary, the register and a 5,000-row legacy
 * import, each as a ratio to a trivial `select 1` baseline run in the same process. 127.0.0.1 only, bounded.
 *   node --import tsx bench/complaints.ts
 */
import "../scripts/server-only-stub";
import os from "node:os";
import pg from "pg";

async function main() {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `kic_bench_complaints_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  try {
    const { migrateDatabase } = await import("../db/migrate");
    await migrateDatabase(process.env.DATABASE_URL);
    const { seedPlatformDemo } = await import("../lib/platform/demo");
    await seedPlatformDemo();
    const { seedDemo } = await import("../lib/complaints/demo");
    let t = performance.now();
    await seedDemo();
    const seedMs = performance.now() - t;
    const { db, closeDb } = await import("../db/client");
    const { sql } = await import("drizzle-orm");
    const { listComplaints } = await import("../lib/complaints/service");
    const { complaintSummary } = await import("../lib/complaints/stats");
    const { complaintRegister, importComplaintsCsv } = await import("../lib/complaints/register");
    const actor = {
      kind: "user" as const,
      id: "00000000-0000-0000-0000-000000000000",
      name: "bench",
      role: "admin" as const,
      deskCodes: [],
    };
    const time = async (n: number, fn: () => Promise<unknown>) => {
      await fn();
      const s = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - s) / n;
    };
    const baseline = await time(200, () => db.execute(sql`select 1`));
    const year = new Date().getUTCFullYear();
    const rows: [string, number][] = [
      ["tracker list (all open)", await time(30, () => listComplaints(actor, { status: "open", limit: 1000 }))],
      ["dashboard summary (a year)", await time(30, () => complaintSummary({ from: `${year - 1}-01-01`, to: `${year}-12-31` }))],
      ["annual register (9:12a)", await time(10, () => complaintRegister(actor, year))],
    ];
    const csv = ["reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome"];
    for (let i = 0; i < 5000; i++) csv.push(`B-${i},2025-03-03,letter,2025-03-05,,2025-04-10,unfounded`);
    t = performance.now();
    const r = await importComplaintsCsv(actor, csv.join("\n"));
    const importMs = performance.now() - t;
    t = performance.now();
    const again = await importComplaintsCsv(actor, csv.join("\n"));
    const reimportMs = performance.now() - t;
    const { rows: count } = await db.execute<{ n: number }>(sql`select count(*)::int as n from complaints`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}`);
    console.log(`demo seed: ${count[0].n} complaints in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`baseline select 1: ${baseline.toFixed(2)} ms`);
    for (const [k, ms] of rows) console.log(`${k}: ${ms.toFixed(1)} ms (${(ms / baseline).toFixed(0)}× baseline)`);
    console.log(
      `import 5,000 rows: ${importMs.toFixed(0)} ms (${r.imported} imported); again: ${reimportMs.toFixed(0)} ms (${again.imported} imported)`,
    );
    await closeDb();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
main();
