/**
 * Dashboards benchmark (spec 05): one year (~640,000 calls) and ten years (~6.4 M calls) generated with
 * set-based SQL into a fresh database on the machine's PostgreSQL (created here, dropped at the end), then
 *   1. the cost of loading through the rollup triggers vs. a bulk load + dashboards_rebuild_call_rollups(),
 *   2. `GET /api/v1/dashboard/summary` over one year and ten years (HTTP on 127.0.0.1, median of 20),
 *   3. the CPU of the web server while 50 wallboards poll every 15 s (a bounded window).
 * Needs the production build (`node --import tsx scripts/start.ts --build-only`).
 *
 *   node --import tsx bench/dashboards.ts
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432 BENCH_PORT=45150 BENCH_WINDOW_S=60 BENCH_YEARS=10 node --import tsx bench/dashboards.ts
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";

const ROOT = path.resolve(__dirname, "..");
const ADMIN = process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432";
const PORT = Number(process.env.BENCH_PORT ?? 45150);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 60);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const CALLS_PER_YEAR = 640_000;
const LAST_YEAR = 2025;
const out: string[] = [];
const say = (s: string) => {
  console.log(s);
  out.push(s);
};

/** One year of calls as one INSERT … SELECT, spread over the days and office hours, ~89% answered. */
function yearInsert(year: number, n: number) {
  return `
    insert into calls (source, external_id, queue, direction, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result)
    select 'queue_log', '${year}-' || g,
      (array['frontdesk','frontdesk','frontdesk','backoffice','partners'])[1 + (hashint4(g + 7) & 1023) % 5],
      'in', t, case when ans then t + make_interval(secs => w) end,
      t + make_interval(secs => w + case when ans then talk else 0 end),
      w, case when ans then talk end, case when ans then 'answered' else 'abandoned' end
    from (
      select g,
        ((date '${year}-01-01' + (g % 365)) + time '08:00' + make_interval(secs => (g::bigint * 7919) % 32400)) at time zone 'Europe/Amsterdam' as t,
        (hashint4(g) & 1023) < 911 as ans,
        (hashint8(g::bigint * 31) & 2047) % 240 as w,
        60 + (hashint8(g::bigint * 17) & 1023) % 540 as talk
      from generate_series(1, ${n}) g
    ) x`;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** utime + stime (+ waited-for children) of a process, in clock ticks (/proc/<pid>/stat fields 14–17). */
function cpuTicks(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
}

async function main() {
  const name = `kic_bench_dash_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: `${ADMIN}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = `${ADMIN}/${name}`;
  let server: ChildProcess | undefined;
  try {
    await migrateDatabase(url);
    const c = new pg.Client({ connectionString: url });
    c.on("error", (e) => console.error("pg client:", e.message));
    await c.connect();
    say(`# Dashboards benchmark — ${new Date().toISOString()}`);
    say(
      `PostgreSQL ${(await c.query("show server_version")).rows[0].server_version}, ${os.cpus().length} cores (shared with other work), Node ${process.version}`,
    );

    say(`\n## Loading`);
    const [, tTrig] = await timed(() => c.query(yearInsert(LAST_YEAR, CALLS_PER_YEAR)));
    say(
      `- ${CALLS_PER_YEAR.toLocaleString("en")} calls (${LAST_YEAR}) in one INSERT … SELECT through the rollup triggers: ${(tTrig / 1000).toFixed(1)} s`,
    );
    await c.query(`alter table calls disable trigger user`);
    await c.query(`delete from calls`);
    await c.query(`delete from call_daily_stats`);
    const [, tBulk] = await timed(() => c.query(yearInsert(LAST_YEAR, CALLS_PER_YEAR)));
    await c.query(`alter table calls enable trigger user`);
    const [, tRebuild] = await timed(() => c.query(`select dashboards_rebuild_call_rollups()`));
    say(
      `- the same rows with the triggers disabled: ${(tBulk / 1000).toFixed(1)} s, then dashboards_rebuild_call_rollups(): ${(tRebuild / 1000).toFixed(1)} s`,
    );
    let tOlder = 0;
    for (let y = LAST_YEAR - 1; y > LAST_YEAR - YEARS; y--) {
      const [, t] = await timed(() => c.query(yearInsert(y, CALLS_PER_YEAR)));
      tOlder += t;
    }
    const total = (await c.query(`select count(*)::int n from calls`)).rows[0].n;
    if (YEARS > 1)
      say(
        `- ${YEARS - 1} more years through the triggers: ${(tOlder / 1000).toFixed(1)} s (${(tOlder / 1000 / (YEARS - 1)).toFixed(1)} s per year); ${total.toLocaleString("en")} calls in all`,
      );
    {
      const id = `${LAST_YEAR}-1`;
      const [, tOne] = await timed(() =>
        c.query(`update calls set talk_seconds = talk_seconds where source = 'queue_log' and external_id = $1`, [id]),
      );
      const [, tOne2] = await timed(() =>
        c.query(
          `update calls set result = 'answered', answered_at = coalesce(answered_at, offered_at) where source = 'queue_log' and external_id = $1`,
          [id],
        ),
      );
      say(`- a single-row update (a CTI event) with the triggers: ${tOne.toFixed(1)} ms (no change), ${tOne2.toFixed(1)} ms (answer)`);
    }
    // ~4,750 complaints a year (the seed's 2012), ~83% closed within the deadline, for the complaint part of the summary.
    const [, tCompl] = await timed(() =>
      c.query(`
        insert into complaints (reference, channel, received_on, status, complainant_name, description, deadline, outcome,
          decided_on, closed_as, closed_on, imported_at)
        select 'BENCH-' || y || '-' || g, 'web', d, 'closed', 'bench', 'bench', d + 42, 'unfounded', d + t, 'decided', d + t, now()
        from generate_series(${LAST_YEAR - YEARS + 1}, ${LAST_YEAR}) y, generate_series(1, 4750) g,
          lateral (select make_date(y, 1, 1) + (g % 330) as d, case when (hashint4(g * 7 + y) & 1023) < 850 then 30 else 50 end as t) x`),
    );
    say(`- ${(YEARS * 4750).toLocaleString("en")} complaints (${YEARS} years): ${(tCompl / 1000).toFixed(1)} s`);
    await c.query(`vacuum analyze complaints`);
    await c.query(`vacuum analyze calls`);
    await c.query(`vacuum analyze call_daily_stats`);
    const rollupRows = (await c.query(`select count(*)::int n from call_daily_stats`)).rows[0].n;
    say(`- call_daily_stats: ${rollupRows.toLocaleString("en")} rows`);

    const k = (
      await c.query(`
      select (select sum(offered) from call_daily_stats) as r_off, (select sum(answered) from call_daily_stats) as r_ans,
             (select count(*) from calls where direction = 'in' and queue is not null) as d_off,
             (select count(*) from calls where direction = 'in' and queue is not null and (answered_at is not null or result in ('answered','transferred'))) as d_ans`)
    ).rows[0];
    say(`- exact: rollup offered ${k.r_off} = direct ${k.d_off}; answered ${k.r_ans} = direct ${k.d_ans}`);
    if (Number(k.r_off) !== Number(k.d_off) || Number(k.r_ans) !== Number(k.d_ans)) throw new Error("rollup differs from calls");

    const [, tDirect] = await timed(() =>
      c.query(`select queue, count(*), count(*) filter (where answered_at is not null) from calls
               where offered_at >= '${LAST_YEAR}-01-01' and offered_at < '${LAST_YEAR + 1}-01-01' and direction = 'in' group by queue`),
    );
    say(`- for comparison, one year counted straight from calls (no rollup): ${tDirect.toFixed(0)} ms`);

    const key = `bench-${crypto.randomBytes(16).toString("hex")}`;
    await c.query(`insert into api_keys (name, role, prefix, key_hash) values ('bench', 'supervisor', $1, $2)`, [
      key.slice(0, 8),
      crypto.createHash("sha256").update(key).digest("hex"),
    ]);
    await c.end();

    server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
        PORT: String(PORT),
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const get = async (p: string) => {
      const [res, ms] = await timed(() => fetch(base + p, { headers: { authorization: `Bearer ${key}` } }));
      if (!res.ok) throw new Error(`${p} → ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return ms;
    };
    say(`\n## GET /api/v1/dashboard/summary (HTTP on 127.0.0.1: median and p95 of 20 after 3 warm-up requests)`);
    for (const [label, from] of [
      ["one year", `${LAST_YEAR}-01-01`],
      [`${YEARS} years`, `${LAST_YEAR - YEARS + 1}-01-01`],
    ] as const) {
      const p = `/api/v1/dashboard/summary?from=${from}&to=${LAST_YEAR}-12-31`;
      for (let i = 0; i < 3; i++) await get(p);
      const ms: number[] = [];
      for (let i = 0; i < 20; i++) ms.push(await get(p));
      say(`- ${label} (${from} … ${LAST_YEAR}-12-31): median ${median(ms).toFixed(1)} ms, p95 ${p95(ms).toFixed(1)} ms`);
    }
    {
      const p = `/api/v1/dashboard/daily?from=${LAST_YEAR - YEARS + 1}-01-01&to=${LAST_YEAR}-12-31`;
      await get(p);
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) ms.push(await get(p));
      say(`- daily over ${YEARS} years (one row per day): median ${median(ms).toFixed(1)} ms`);
    }
    {
      const p = `/api/v1/reports/annual?year=${LAST_YEAR}`;
      await get(p);
      const ms: number[] = [];
      for (let i = 0; i < 10; i++) ms.push(await get(p));
      say(`- reports/annual (two years): median ${median(ms).toFixed(1)} ms`);
    }

    say(`\n## 50 wallboards polling /api/v1/dashboard/wallboard every 15 s, for ${WINDOW_S} s`);
    const hz = 100; // USER_HZ on Linux
    const t0 = cpuTicks(server.pid!);
    const start = Date.now();
    const stopAt = start + WINDOW_S * 1000;
    let requests = 0;
    const lat: number[] = [];
    // Client i polls at start + i·300 ms + k·15 s: the 50 boards are spread evenly over each 15 s.
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (let k = 0; ; k++) {
          const at = start + i * 300 + k * 15_000;
          if (at >= stopAt) break;
          await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
          lat.push(await get("/api/v1/dashboard/wallboard"));
          requests++;
        }
      }),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, stopAt - Date.now())));
    const seconds = (Date.now() - start) / 1000;
    const cpu = (cpuTicks(server.pid!) - t0) / hz;
    say(`- ${requests} requests in ${seconds.toFixed(0)} s; median latency ${median(lat).toFixed(1)} ms, p95 ${p95(lat).toFixed(1)} ms`);
    say(
      `- web server (next start) CPU: ${cpu.toFixed(2)} s over ${seconds.toFixed(0)} s = ${((cpu / seconds) * 100).toFixed(2)} % of one core (target < 5 %)`,
    );
    fs.writeFileSync(path.join(ROOT, "bench", "last-dashboards.txt"), out.join("\n") + "\n");
  } catch (e) {
    console.error("bench failed:", e);
    process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
