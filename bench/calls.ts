/**
 * Calls benchmarks (spec 03):
 *  1. Import of one year of Asterisk queue_log at IND volume (637,800 calls, ~1.9 M lines) through the
 *     streaming importer, timed against a raw COPY of the resulting rows into scratch tables (one bare,
 *     one with the same indexes and constraints as `calls`), with peak RSS; then the same file again
 *     (must add nothing).
 *  2. CTI webhook events/s against the built app (`next start`), 16 concurrent clients, newCall+answer+hangup.
 *
 *   node --import tsx bench/calls.ts            (needs psql on PATH and a build for part 2)
 * Uses DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres), in a scratch database.
 * BENCH_CALLS (default 637800) scales part 1; BENCH_CTI_CALLS (default 1500) part 2; BENCH_ONLY_IMPORT=1
 * stops after the import (to run it under `node --max-old-space-size=…` and show memory stays bounded);
 * BENCH_ONLY_CTI=1 runs part 2 alone, against an empty call table (quick, for working on the webhook).
 */
import "../scripts/server-only-stub";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const BASE = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CALLS = Number(process.env.BENCH_CALLS ?? 637_800);
const CTI_CALLS = Number(process.env.BENCH_CTI_CALLS ?? 1500);
const PORT = 43130;

async function main() {
  const name = `kic_bench_calls_${Date.now().toString(36)}`;
  const adminUrl = new URL(BASE);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  process.env.DATABASE_URL = dbUrl;
  const out: string[] = [];
  const say = (s: string) => {
    console.log(s);
    out.push(s);
  };
  try {
    const { migrateDatabase } = await import("../db/migrate");
    await migrateDatabase(dbUrl);
    const { generateQueueLog } = await import("../lib/calls/queue-log-fixture");
    const { importQueueLog } = await import("../lib/calls/import");
    const { SYSTEM } = await import("../lib/platform/events");
    const { closeDb } = await import("../db/client");

    let t = performance.now();
    // ---- 1. queue_log import (BENCH_ONLY_CTI=1 skips it: CTI against an empty call table) -------------
    if (!process.env.BENCH_ONLY_CTI) {
      const days = 250; // working days in a year
      const perDay = Math.floor(CALLS / days);
      const split = { frontdesk: Math.round(perDay * 0.7), backoffice: Math.round(perDay * 0.15) };
      const spec = {
        startEpoch: Date.UTC(2012, 0, 2) / 1000,
        days,
        perDay: { ...split, partners: perDay - split.frontdesk - split.backoffice },
        extraOnFirstDays: CALLS - perDay * days,
      };
      const file = path.join(os.tmpdir(), `${name}.queue_log`);
      const exp = { calls: 0, answered: 0, unanswered: 0, lines: 0 };
      {
        const fd = fs.openSync(file, "w");
        let buf: string[] = [];
        for (const line of generateQueueLog(spec, exp)) {
          buf.push(line);
          if (buf.length === 10_000) {
            fs.writeSync(fd, buf.join("\n") + "\n");
            buf = [];
          }
        }
        fs.writeSync(fd, buf.join("\n") + "\n");
        fs.closeSync(fd);
      }
      const mb = fs.statSync(file).size / 1e6;
      say(`queue_log: ${exp.calls.toLocaleString("en")} calls, ${exp.lines.toLocaleString("en")} lines, ${mb.toFixed(0)} MB`);

      let peak = 0;
      const rssBefore = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      t = performance.now();
      const first = await importQueueLog(SYSTEM("bench"), fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
      const importSeconds = (performance.now() - t) / 1000;
      clearInterval(sampler);
      say(
        `import: ${importSeconds.toFixed(1)} s (${Math.round(first.linesRead / importSeconds).toLocaleString("en")} lines/s); created ${first.callsCreated}, updated ${first.callsUpdated}, rejected ${first.linesRejected}; ` +
          `RSS before ${(rssBefore / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB`,
      );
      if (first.callsCreated !== exp.calls) throw new Error(`expected ${exp.calls} calls, created ${first.callsCreated}`);

      t = performance.now();
      const again = await importQueueLog(SYSTEM("bench"), fs.createReadStream(file, { highWaterMark: 256 * 1024 }));
      say(
        `re-import of the same file: ${((performance.now() - t) / 1000).toFixed(1)} s; created ${again.callsCreated}, updated ${again.callsUpdated}`,
      );

      if (process.env.BENCH_ONLY_IMPORT) {
        fs.rmSync(file, { force: true });
        await closeDb();
        return;
      }

      // Baseline: a raw COPY of the resulting rows, into a bare table and into one with calls' indexes.
      const csv = path.join(os.tmpdir(), `${name}.csv`);
      const cols =
        "source, external_id, queue, direction, from_number, agent_id, agent_label, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result";
      const psql = (cmd: string) =>
        execFileSync("psql", [dbUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", cmd], { stdio: ["ignore", "pipe", "inherit"] });
      psql(`\\copy (select ${cols} from calls where source = 'queue_log') to '${csv}' csv`);
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      await c.query(`create table scratch_bare (like calls including defaults)`);
      await c.query(`create table scratch_indexed (like calls including all)`);
      await c.end();
      t = performance.now();
      psql(`\\copy scratch_bare (${cols}) from '${csv}' csv`);
      const copyBare = (performance.now() - t) / 1000;
      t = performance.now();
      psql(`\\copy scratch_indexed (${cols}) from '${csv}' csv`);
      const copyIndexed = (performance.now() - t) / 1000;
      say(
        `raw COPY of the ${first.callsCreated.toLocaleString("en")} rows: bare table ${copyBare.toFixed(1)} s (import = ${(importSeconds / copyBare).toFixed(1)}×), ` +
          `table with calls' indexes ${copyIndexed.toFixed(1)} s (import = ${(importSeconds / copyIndexed).toFixed(1)}×)`,
      );
      fs.rmSync(file, { force: true });
      fs.rmSync(csv, { force: true });
      await closeDb();
    }

    // ---- 2. CTI events/s ----------------------------------------------------------------------------
    // The year of calls stays in the table (the webhook writes into a full table), but the import's
    // aftermath does not: vacuum, analyze and a checkpoint first, as a running system would have done
    // long before its next busy hour (otherwise autovacuum and the checkpoint of 1.9 M rows of WAL run
    // during the measurement and slow every route, the trivial one too).
    {
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      await c.query("vacuum analyze calls");
      await c.query("vacuum analyze call_daily_stats");
      await c.query("checkpoint");
      await c.end();
    }
    if (!fs.existsSync(path.join(__dirname, "../.next/BUILD_ID"))) {
      say("CTI: skipped (no build; run `node --import tsx scripts/start.ts --build-only`)");
    } else {
      const { startAppServer } = await import("../tests/helpers/app-server");
      const token = "bench-cti-token-0123456789";
      const server = await startAppServer({ port: PORT, env: { DATABASE_URL: dbUrl, CTI_TOKEN: token, PG_POOL_MAX: "16" } });
      try {
        const post = (data: Record<string, unknown>) =>
          fetch(`${server.url}/api/v1/cti/${token}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(data),
          }).then((r) => {
            if (r.status !== 200) throw new Error(`CTI ${r.status}`);
            return r.text();
          });
        const oneCall = async (i: number) => {
          const callId = `bench-${i}`;
          await post({
            event: "newCall",
            direction: "in",
            from: `06${String(i).padStart(8, "0")}`,
            to: "09001234561",
            callId,
            user: ["201"],
          });
          await post({ event: "answer", direction: "in", callId, answeringNumber: "201" });
          await post({ event: "hangup", direction: "in", callId, cause: "normalClearing" });
        };
        for (let i = 0; i < 50; i++) await oneCall(-1 - i); // warm up
        if (!spawnSync("wrk", ["--version"]).error) {
          // wrk (Debian package): a C load generator takes far less of the 2 shared cores than Node's fetch.
          // The script interleaves calls as a PBX does: blocks of W newCalls, then their W answers, then their
          // W hangups, so the events of one call are W requests apart (not three at once on one call's lock).
          const lua = path.join(os.tmpdir(), `bench-cti-${process.pid}.lua`);
          const wrk = (args: string[]) => spawnSync("wrk", ["-t1", "-c16", ...args], { encoding: "utf8" }).stdout;
          const rate = (out: string) => Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN);
          const non2xx = (out: string) => Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
          const script = (prefix: string) =>
            fs.writeFileSync(
              lua,
              `local n = 0\nlocal W = 200\nwrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n` +
                `request = function()\n  local block = math.floor(n / (3 * W))\n  local k = n % (3 * W)\n  n = n + 1\n` +
                `  local phase = math.floor(k / W)\n  local call = block * W + (k % W)\n  local id = "${prefix}-" .. call\n  local body\n` +
                `  if phase == 0 then body = '{"event":"newCall","direction":"in","from":"06' .. string.format("%08d", call) .. '","to":"09001234561","callId":"' .. id .. '","user":["201"]}'\n` +
                `  elseif phase == 1 then body = '{"event":"answer","direction":"in","callId":"' .. id .. '","answeringNumber":"201"}'\n` +
                `  else body = '{"event":"hangup","direction":"in","callId":"' .. id .. '","cause":"normalClearing"}' end\n` +
                `  return wrk.format(nil, nil, nil, body)\nend\n`,
            );
          script("warm");
          wrk(["-d5s", "-s", lua, `${server.url}/api/v1/cti/${token}`]);
          const healthOut = wrk(["-d10s", `${server.url}/api/health`]);
          say(`baseline (wrk): GET /api/health ${Math.round(rate(healthOut))} requests/s (16 connections)`);
          script("wrk");
          const ctiOut = wrk(["-d15s", "-s", lua, `${server.url}/api/v1/cti/${token}`]);
          fs.rmSync(lua, { force: true });
          say(
            `CTI (wrk): ${Math.round(rate(ctiOut))} events/s, interleaved newCall/answer/hangup, 16 connections, ${non2xx(ctiOut)} non-200 (${(rate(ctiOut) / rate(healthOut)).toFixed(2)}× the trivial route)`,
          );
        } else {
          // Baseline: the trivial health route, same clients, same count.
          let n = 0;
          t = performance.now();
          await Promise.all(
            Array.from({ length: 16 }, async () => {
              while (n++ < CTI_CALLS * 3) await fetch(`${server.url}/api/health`).then((r) => r.text());
            }),
          );
          const health = (CTI_CALLS * 3) / ((performance.now() - t) / 1000);
          say(`baseline: GET /api/health ${Math.round(health)} requests/s (16 clients)`);
          let next = 0;
          t = performance.now();
          await Promise.all(
            Array.from({ length: 16 }, async () => {
              while (next < CTI_CALLS) await oneCall(next++);
            }),
          );
          const s = (performance.now() - t) / 1000;
          say(
            `CTI: ${CTI_CALLS * 3} events (newCall+answer+hangup × ${CTI_CALLS} calls, 16 clients) in ${s.toFixed(1)} s = ${Math.round((CTI_CALLS * 3) / s)} events/s`,
          );
        }
      } finally {
        await server.stop();
      }
    }
    say(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, Node ${process.version}`,
    );
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
