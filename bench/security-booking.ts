/**
 * Booking throughput with the bot defences of issue 11 item 4 (caps per applicant identity under advisory
 * locks, the anonymous-write counters, the challenge check) against the code before them, in one run:
 *
 *   node --import tsx scripts/start.ts --build-only      (this checkout's build)
 *   node --import tsx bench/security-booking.ts          (or `npm run bench security-booking`)
 *
 * The baseline is the commit before lib/platform/bot-guard.ts was added (BENCH_BASE_COMMIT to choose another),
 * checked out with `git worktree` in a temporary folder (node_modules hard-linked), built there, and served by
 * `next start` beside this checkout's build, both against the same throw-away database (on the machine's
 * PostgreSQL, or BENCH_DATABASE_URL=embedded for one of its own) (migrated to this
 * checkout's schema; the extra columns have defaults, so the old code runs on it unchanged). The two servers
 * take turns under the same load (base, current, base, current, …), so drift of the shared machine hits both.
 * Load: CONCURRENCY loops posting public bookings (unique email, a phone and a V-number, so every identity cap
 * is checked) to random slots of a large desk, each request from its own address (X-Forwarded-For from
 * 127.0.0.1, trusted). The challenge thresholds are set above the load, so every request is counted but none
 * is challenged: the cost measured is the cost every anonymous write pays. Writes the "## Booking" part of
 * bench/RESULTS-security.md (the login part there is another benchmark's).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { startAppServer, type AppServer } from "../tests/helpers/app-server";
import { createTestDesk, query } from "../tests/helpers/appointments-fixtures";
import { createTestDatabase } from "../tests/helpers/test-db";

const ROOT = path.resolve(__dirname, "..");
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Random ports: another checkout may run its benchmarks at the same time.
const PORTS = [43000 + Math.floor(Math.random() * 500), 43500 + Math.floor(Math.random() * 500)];

const git = (...args: string[]) => {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
};

function baseCommit(): string {
  if (process.env.BENCH_BASE_COMMIT) return git("rev-parse", process.env.BENCH_BASE_COMMIT);
  const added = git("log", "-1", "--format=%H", "--diff-filter=A", "HEAD", "--", "lib/platform/bot-guard.ts");
  if (!added) throw new Error("lib/platform/bot-guard.ts is not in this history; set BENCH_BASE_COMMIT");
  return git("rev-parse", `${added}^`);
}

/** The baseline checkout, built; removed again by the returned function. */
function prepareBase(commit: string): { dir: string; remove: () => void } {
  const dir = path.join(os.tmpdir(), `kic-bench-base-${commit.slice(0, 10)}-${process.pid}`);
  git("worktree", "add", "--detach", dir, commit);
  const remove = () => {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Hard links: no copy of the 700 MB, and Turbopack wants node_modules inside the project (no symlink).
    const cp = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
    if (cp.status !== 0) throw new Error(`cp -al node_modules: ${cp.stderr}`);
    console.log(`building the baseline ${commit.slice(0, 10)} in ${dir} …`);
    const b = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--build-only"], {
      cwd: dir,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: "" },
    });
    if (b.status !== 0) throw new Error("baseline build failed");
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, remove };
}

type Round = { bookings: number; other: number; rps: number };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

let seq = 0;
async function loadRound(server: AppServer, slots: string[], lat: number[]): Promise<Round> {
  let bookings = 0;
  let other = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const n = ++seq;
        const t = performance.now();
        const r = await fetch(`${server.url}/api/v1/appointments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({
            slotId: slots[Math.floor(Math.random() * slots.length)],
            product: "BIO",
            persons: [{ name: `Bench ${n}`, vNumber: String(3_000_000_000 + n) }],
            email: `bench.${n}.${process.pid}@example.com`,
            phone: `+31 6 ${String(10_000_000 + n).slice(-8)}`,
            language: "nl",
          }),
        }).catch(() => null);
        await r?.arrayBuffer();
        lat.push(performance.now() - t);
        if (r?.status === 201) bookings++;
        else other++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { bookings, other, rps: +(bookings / elapsed).toFixed(1) };
}

async function main() {
  // BENCH_DATABASE_URL=embedded: a PostgreSQL of its own in a temporary folder (when the machine's is busy).
  if (process.env.BENCH_DATABASE_URL === "embedded") delete process.env.DATABASE_URL;
  else
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("build this checkout first: node --import tsx scripts/start.ts --build-only");
  const commit = baseCommit();
  const head = git("rev-parse", "HEAD");
  const base = prepareBase(commit);
  const database = await createTestDatabase("kic_bench_sec");
  process.env.DATABASE_URL = database.url;
  const servers: AppServer[] = [];
  try {
    await migrateDatabase(database.url);
    // A desk open every day 08:00–20:00 with 50 places per 15-minute slot: ~4,000 slots, no capacity runs out.
    const desk = await createTestDesk({ places: 50 });
    const env = {
      PG_POOL_MAX: "10",
      TRUSTED_PROXIES: "127.0.0.1/32",
      BOT_CHALLENGE_PER_CLIENT: "1000000",
      BOT_CHALLENGE_OVERALL: "100000000",
      APPOINTMENTS_READS_PER_MINUTE: "100000000",
    };
    const baseServer = await startAppServer({ port: PORTS[0], env, root: base.dir });
    servers.push(baseServer);
    const current = await startAppServer({ port: PORTS[1], env });
    servers.push(current);
    const from = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 80 * 86400_000).toISOString().slice(0, 10);
    const answer = await (await fetch(`${current.url}/api/v1/slots?desk=${desk}&product=BIO&persons=1&from=${from}&to=${to}`)).json();
    if (!Array.isArray(answer)) throw new Error(`slots: ${JSON.stringify(answer)}`);
    const slots: string[] = answer.map((s: { id: string }) => s.id);
    if (slots.length < 1000) throw new Error(`only ${slots.length} slots`);

    // Warm-up of both (JIT, pools), not counted.
    await loadRound(baseServer, slots, []);
    await loadRound(current, slots, []);
    const results = { base: [] as Round[], current: [] as Round[] };
    const lat = { base: [] as number[], current: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      results.base.push(await loadRound(baseServer, slots, lat.base));
      results.current.push(await loadRound(current, slots, lat.current));
    }
    const sum = (rs: Round[]) => rs.reduce((a, r) => a + r.rps, 0) / rs.length;
    const overbooked = await query<{ n: number }>(`select count(*)::int as n from appointment_slots where taken > places`);
    const r = {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "?",
      node: process.version,
      base: commit,
      head,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      rounds: ROUNDS,
      baseRounds: results.base,
      currentRounds: results.current,
      baseRps: +sum(results.base).toFixed(1),
      currentRps: +sum(results.current).toFixed(1),
      ratio: +(sum(results.current) / sum(results.base)).toFixed(3),
      baseP95: +pct(lat.base, 95).toFixed(1),
      currentP95: +pct(lat.current, 95).toFixed(1),
      overbooked: overbooked[0].n,
      load: os.loadavg()[0].toFixed(1),
      pg:
        process.env.BENCH_DATABASE_URL === "embedded"
          ? "embedded (a throw-away one of its own, `BENCH_DATABASE_URL=embedded`)"
          : `on ${new URL(database.url).host}`,
    };
    console.log(JSON.stringify(r, null, 2));
    writeResults(r);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.drop();
    base.remove();
  }
}

function writeResults(r: {
  cores: number;
  cpu: string;
  node: string;
  base: string;
  head: string;
  concurrency: number;
  seconds: number;
  rounds: number;
  baseRounds: Round[];
  currentRounds: Round[];
  baseRps: number;
  currentRps: number;
  ratio: number;
  baseP95: number;
  currentP95: number;
  overbooked: number;
  load: string;
  pg: string;
}) {
  const section = `## Booking

\`node --import tsx bench/security-booking.ts\` — run ${new Date().toISOString()} on ${r.cores} × ${r.cpu}, Node ${r.node}, PostgreSQL ${r.pg},
load average ${r.load} at the end (the machine is shared). Public \`POST /api/v1/appointments\`, ${r.concurrency} concurrent
loops, ${r.rounds} rounds of ${r.seconds} s per build, the two builds taking turns against one database; each booking with a unique email,
phone and V-number, each request from its own address; thresholds above the load (every request counted, none challenged).

| build | bookings/s per round | mean | p95 ms |
| --- | --- | ---: | ---: |
| before (${r.base.slice(0, 10)}, no caps, no challenge) | ${r.baseRounds.map((x) => x.rps).join(", ")} | ${r.baseRps} | ${r.baseP95} |
| with the checks (${r.head.slice(0, 10)}) | ${r.currentRounds.map((x) => x.rps).join(", ")} | ${r.currentRps} | ${r.currentP95} |

**Ratio with / before: ${r.ratio}** (target ≥ 0.90: ${r.ratio >= 0.9 ? "met" : "**not met**"}). Refused or failed requests: before ${r.baseRounds.reduce((a, x) => a + x.other, 0)}, with ${r.currentRounds.reduce((a, x) => a + x.other, 0)}; slots overbooked: ${r.overbooked}.
What a booking pays now: one statement counting the write per client and overall before the body is read (committed
without waiting for the WAL flush), and inside the booking's transaction \`appointment_identity_cap\` (three advisory
locks, three indexed counts) in the same round trip as the capacity row's insert, plus three more indexes on
\`appointments\`. Two earlier versions measured 0.88 (the two counters as two synchronous upserts; caps as a round trip
of their own) and 0.83 (one counter statement, synchronous; load average 7).
`;
  const file = path.join(__dirname, "RESULTS-security.md");
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const start = old.indexOf("## Booking");
  let next = start >= 0 ? old.indexOf("\n## ", start + 1) : -1;
  if (next < 0) next = old.length;
  const md = start >= 0 ? old.slice(0, start) + section + old.slice(next) : old.trim() ? `${old.trimEnd()}\n\n${section}` : section;
  fs.writeFileSync(file, md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
