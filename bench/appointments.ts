/**
 * Appointments benchmark (spec 01, "Benchmarks"): availability throughput next to a trivial route of the
 * same app in the same run, and the 200-request booking race against two instances on one database.
 *
 *   node --import tsx scripts/start.ts --build-only
 *   node --import tsx bench/appointments.ts        (or `npm run bench appointments`)
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), a throw-away database
 * on it. Prints the figures and rewrites bench/RESULTS-appointments.md.
 *
 * Load goes to 127.0.0.1 only, bounded (a fixed number of connections for a fixed time).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { startAppServer } from "../tests/helpers/app-server";
import { createTestDesk, query } from "../tests/helpers/appointments-fixtures";
import { createTestDatabase } from "../tests/helpers/test-db";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORTS = [41900, 41901];

type Run = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

/**
 * wrk (Debian package `wrk`) when installed: a C load generator takes far less of the 2 shared cores than
 * Node's fetch, so the server's own capacity shows. `vary` appends `&nocache=<n>` to every request (Lua).
 * Latency percentiles from wrk's --latency table (p50, p90 in the p95 column's place is not given: p99 shown).
 */
const HAVE_WRK = !spawnSync("wrk", ["--version"]).error;
function wrkLoad(url: string, vary: boolean): Run {
  const args = ["-t1", `-c${CONCURRENCY}`, `-d${SECONDS}s`, "--latency", "-H", "Accept-Encoding: gzip, deflate, br"];
  let script: string | undefined;
  if (vary) {
    script = path.join(os.tmpdir(), `bench-vary-${process.pid}.lua`);
    const u = new URL(url);
    fs.writeFileSync(
      script,
      `local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, "${u.pathname}${u.search}&nocache=" .. n)\nend\n`,
    );
    args.push("-s", script);
  }
  const r = spawnSync("wrk", [...args, url], { encoding: "utf8" });
  if (script) fs.rmSync(script, { force: true });
  const out = r.stdout;
  const num = (re: RegExp) => Number(out.match(re)?.[1] ?? NaN);
  const ms = (re: RegExp) => {
    const m = out.match(re);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
  };
  const requests = num(/(\d+) requests in/);
  const non2xx = num(/Non-2xx or 3xx responses: (\d+)/) || 0;
  const errs = (out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/) ?? [])
    .slice(1)
    .reduce((a, b) => a + Number(b), 0);
  return {
    requests,
    errors: non2xx + errs,
    rps: Math.round(num(/Requests\/sec:\s+([\d.]+)/)),
    p50: +ms(/50%\s+([\d.]+)(us|ms|s)/).toFixed(1),
    p95: +ms(/90%\s+([\d.]+)(us|ms|s)/).toFixed(1),
    p99: +ms(/99%\s+([\d.]+)(us|ms|s)/).toFixed(1),
  };
}

/** CONCURRENCY loops fetching `url` for SECONDS; latencies in ms. */
async function load(url: string | (() => string), headers: Record<string, string> = {}): Promise<Run> {
  const lat: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          const r = await fetch(typeof url === "string" ? url : url(), { headers });
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: lat.length,
    errors,
    rps: Math.round(lat.length / elapsed),
    p50: +pct(lat, 50).toFixed(1),
    p95: +pct(lat, 95).toFixed(1),
    p99: +pct(lat, 99).toFixed(1),
  };
}

async function main() {
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await createTestDatabase("kic_bench_appt");
  process.env.DATABASE_URL = database.url;
  const servers: Awaited<ReturnType<typeof startAppServer>>[] = [];
  try {
    await migrateDatabase(database.url);
    const desk = await createTestDesk({ places: 3 });
    // A real desk's week: the default opening hours (weekdays 09:00–12:30 and 13:30–17:00, 15-minute slots).
    await query(`delete from desk_opening_hours where desk_code = $1`, [desk]);
    // The per-IP read limit is lifted for the bench: it measures the route, not the limiter.
    // TRUSTED_PROXIES: the bench stands for many applicants behind one proxy (X-Forwarded-For per request).
    // So is the anonymous-write challenge threshold (issue 11.4; bench/security-booking.ts measures its cost).
    const env = {
      APPOINTMENTS_READS_PER_MINUTE: "100000000",
      PG_POOL_MAX: "10",
      BOT_CHALLENGE_PER_CLIENT: "100000000",
      BOT_CHALLENGE_OVERALL: "100000000",
      TRUSTED_PROXIES: "loopback",
    };
    servers.push(await startAppServer({ port: PORTS[0], env }));
    const a = servers[0];
    const from = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 31 * 86400_000).toISOString().slice(0, 10);
    const slotsUrl = `${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=1&from=${from}&to=${to}`;
    const sample = await (await fetch(slotsUrl)).json();
    // Some capacity rows, so the read is not trivially empty: 40 booked slots.
    for (const s of sample.slice(0, 40))
      await fetch(`${a.url}/api/v1/appointments`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.1.0.${Math.floor(Math.random() * 250)}` },
        body: JSON.stringify({
          slotId: s.id,
          product: "BIO",
          persons: [{ name: "Bench" }],
          email: `bench${s.id.length}.${Math.random().toString(36).slice(2)}@example.com`,
          language: "nl",
        }),
      });
    const slotsCount = (await (await fetch(slotsUrl)).json()).length;

    await load(`${a.url}/api/health`); // warm-up
    await load(slotsUrl);
    let n = 0;
    const measure = (url: string, vary: boolean) =>
      HAVE_WRK ? Promise.resolve(wrkLoad(url, vary)) : load(vary ? () => `${url}&nocache=${n++}` : url);
    const health = await measure(`${a.url}/api/health`, false);
    const slots = await measure(slotsUrl, false);
    // The same work, a small answer (the first 20 slots): shows how much of the cost is the 30-day payload.
    const slotsFirst20 = await measure(`${slotsUrl}&limit=20`, true);
    // Every request a different query string: the 1-second response cache never hits (full work each time).
    const slotsUncached = await measure(slotsUrl, true);

    // The race: 200 concurrent bookings for 10 slots of 3 places, alternating between two instances.
    servers.push(await startAppServer({ port: PORTS[1], env }));
    const ten = sample.slice(100, 110).map((s: { id: string }) => s.id);
    const lat: number[] = [];
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const t = performance.now();
        const r = await fetch(`${servers[i % 2].url}/api/v1/appointments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.2.${Math.floor(i / 250)}.${i % 250}` },
          body: JSON.stringify({
            slotId: ten[i % 10],
            product: "BIO",
            persons: [{ name: `Race ${i}` }],
            email: `race${i}@example.com`,
            language: "nl",
          }),
        });
        await r.arrayBuffer();
        lat.push(performance.now() - t);
        return r.status;
      }),
    );
    const rows = await query<{ taken: number; places: number }>(`select taken, places from appointment_slots where id = any($1)`, [ten]);
    const result = {
      cores: os.cpus().length,
      concurrency: CONCURRENCY,
      generator: HAVE_WRK ? "wrk" : "node fetch",
      seconds: SECONDS,
      slotsPerResponse: slotsCount,
      health,
      slots,
      slotsVsHealth: +(slots.rps / health.rps).toFixed(2),
      slotsUncached,
      slotsUncachedVsHealth: +(slotsUncached.rps / health.rps).toFixed(2),
      slotsFirst20Uncached: slotsFirst20,
      race: {
        created: statuses.filter((s) => s === 201).length,
        slotFull: statuses.filter((s) => s === 409).length,
        other: statuses.filter((s) => s !== 201 && s !== 409).length,
        overbooked: rows.filter((r) => r.taken > r.places).length,
        p50: +pct(lat, 50).toFixed(1),
        p95: +pct(lat, 95).toFixed(1),
        max: +Math.max(...lat).toFixed(1),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    writeResults(result);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
  }
}

function writeResults(
  r: Record<string, unknown> & { health: Run; slots: Run; slotsUncached: Run; slotsFirst20Uncached: Run; race: Record<string, number> },
) {
  const row = (name: string, x: Run) => `| ${name} | ${x.rps} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.requests} | ${x.errors} |`;
  const md = `## Appointments (spec 01)

Run ${new Date().toISOString()} on ${r.cores} cores (load average ${os.loadavg()[0].toFixed(1)} at the end). One \`next start\` instance; ${r.concurrency} concurrent connections for ${r.seconds} s per route, from the
same machine (load generator: ${r.generator}, sharing the 2 cores; with wrk the p95 column holds wrk's p90). Availability: one desk, 30 days, default opening hours —
${r.slotsPerResponse} slots per answer.

| route | req/s | p50 ms | p95 ms | p99 ms | requests | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row("GET /api/health (trivial: select 1)", r.health)}
${row("GET /api/v1/slots, same query (1 s response cache)", r.slots)}
${row("GET /api/v1/slots, every query new (full work)", r.slotsUncached)}
${row("GET /api/v1/slots?limit=20, every query new", r.slotsFirst20Uncached)}

Availability / trivial route: ${r.slotsVsHealth} (cached), ${r.slotsUncachedVsHealth} (uncached).

**Booking race** (two instances on one database, 200 concurrent \`POST /api/v1/appointments\` for 10 slots of 3 places):
${r.race.created} × 201, ${r.race.slotFull} × 409 \`slot_full\`, ${r.race.other} other; slots overbooked: ${r.race.overbooked};
latency p50 ${r.race.p50} ms, **p95 ${r.race.p95} ms**, max ${r.race.max} ms (all 200 sent at once, so the tail is queueing on
the ten slots' capacity rows and the 2 cores).

Targets (spec 01): ≥ 1,000 req/s — ${r.slots.rps >= 1000 ? "met" : "**not met**"} (${r.slots.rps} req/s cached, ${r.slotsUncached.rps} uncached);
≥ 50 % of the trivial route — ${Number(r.slotsVsHealth) >= 0.5 ? "met" : "**not met**"} cached (${r.slotsVsHealth}), ${Number(r.slotsUncachedVsHealth) >= 0.5 ? "met" : "**not met**"} uncached (${r.slotsUncachedVsHealth}).
Install wrk (\`apt-get install wrk\`) for these figures; with Node's fetch as the generator it takes most of a
core itself and every route measures low. Responses are not compressed by the app (\`compress: false\` in
next.config.js: the reverse proxy in front compresses, README "Scale-out"); gzipping the ≈ 100 kB 30-day answer
on every request halved the throughput.
`;
  fs.writeFileSync(path.join(__dirname, "RESULTS-appointments.md"), md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
