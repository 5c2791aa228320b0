/**
 * Security hardening benchmark (issue 11): sign-in throughput with the new checks (three failure counters
 * taken before the password check and given back on success, the event-log row, the session version)
 * against the same route of the commit before them, both built and served side by side in this run against
 * one database — so the ratio is measured in one run, on the same machine moment.
 *
 *   node --import tsx scripts/start.ts --build-only
 *   node --import tsx bench/security.ts        (or `npm run bench security`)
 * BENCH_BASE: the commit to compare with (default: where this branch left main, `git merge-base HEAD main`).
 * Its tree is exported with `git archive` into a temporary folder (node_modules hard-linked from here) and
 * built once; the build is kept in the temporary folder for the next run. PostgreSQL: BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), a throw-away database on it. Load to 127.0.0.1 only, bounded.
 *
 * Rounds alternate (base, new, base, new …) so that a change in the machine's load hits both alike. Each
 * connection signs in as a user of its own (parallel sign-ins of one account are limited by the per-account
 * counter, as they should be). Second figure: the cost of the web server in front of Next — this commit's
 * build served by `next start` and by scripts/web-server.ts, the trivial route (GET /api/health, one
 * `select 1`) in alternating rounds.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { migrateDatabase } from "../db/migrate";
import { startAppServer, type AppServer } from "../tests/helpers/app-server";
import { createTestDatabase } from "../tests/helpers/test-db";

const ROOT = path.resolve(__dirname, "..");
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORTS = [41950, 41951, 41952];
const PASSWORD = "bench-password-1";

const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim();

/**
 * The base commit's production build, made once into the temporary folder kic-bench-base-<sha> (outside this
 * tree: its sources must not join this project's type check, nor its lockfile confuse the bundler's root).
 */
function baseBuild(sha: string): string {
  const dir = path.join(os.tmpdir(), `kic-bench-base-${sha.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  console.log(`exporting ${sha.slice(0, 12)} into ${dir} and building it (a few minutes, once)…`);
  const tar = spawnSync("sh", ["-c", `git archive ${sha} | tar -x -C '${dir}'`], { cwd: ROOT, stdio: "inherit" });
  if (tar.status !== 0) throw new Error("git archive failed");
  // Hard links: the same packages at no disk cost (one filesystem); the base needs nothing this branch lacks.
  const cp = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
  if (cp.status !== 0) throw new Error("could not link node_modules");
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--build-only"], {
    cwd: dir,
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) throw new Error("the base build failed");
  return dir;
}

/** A build served the way the base commit served it: `next start` in its folder. */
async function startBase(dir: string, port: number, env: Record<string, string>): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`base server exited: ${output}`);
    if (
      await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

type Run = { requests: number; errors: number; rps: number; p50: number; p95: number };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : 0;
};

/** CONCURRENCY loops for `seconds`, loop i sending request(i); a non-2xx answer counts as an error. */
async function load(seconds: number, request: (i: number) => Promise<Response>): Promise<Run> {
  const lat: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          const r = await request(i);
          await r.arrayBuffer();
          if (!r.ok) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { requests: lat.length, errors, rps: +(lat.length / elapsed).toFixed(1), p50: pct(lat, 50), p95: pct(lat, 95) };
}

const login = (server: AppServer, email: string) =>
  fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });

async function main() {
  const head = git("rev-parse", "HEAD");
  const base = process.env.BENCH_BASE ?? git("merge-base", "HEAD", "main");
  if (!base) throw new Error("no base commit: set BENCH_BASE");
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("build first: node --import tsx scripts/start.ts --build-only");
  const baseDir = baseBuild(base);

  process.env.DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await createTestDatabase("kic_bench_signin");
  const servers: AppServer[] = [];
  try {
    await migrateDatabase(database.url);
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const hash = bcrypt.hashSync(PASSWORD, 10); // the app's cost
    const emails = Array.from({ length: CONCURRENCY }, (_, i) => `bench-${i}-${crypto.randomBytes(3).toString("hex")}@kic.example`);
    for (const e of emails)
      await c.query(`insert into users (email, name, password_hash, role) values ($1, 'Bench', $2, 'frontdesk')`, [e, hash]);
    await c.end();

    const env = { DATABASE_URL: database.url, AUTH_SECRET: "bench-secret-bench-secret-bench-secret", LOG_LEVEL: "warn" };
    const baseServer = await startBase(baseDir, PORTS[0], env);
    servers.push(baseServer);
    const newServer = await startAppServer({ port: PORTS[1], env });
    servers.push(newServer);
    const plainNext = await startBase(ROOT, PORTS[2], env); // this build without the web server in front
    servers.push(plainNext);

    // Warm both (route code loaded, pools filled).
    for (const s of [baseServer, newServer]) for (let i = 0; i < 3; i++) await (await login(s, emails[0])).arrayBuffer();

    const rounds: { base: Run; next: Run; baseTrivial: Run; nextTrivial: Run }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Which goes first swaps every round, so neither always follows the heavier sign-in load.
      const swap = r % 2 === 1;
      const pair = async <T>(a: () => Promise<T>, b: () => Promise<T>): Promise<[T, T]> => {
        if (!swap) {
          const x = await a();
          return [x, await b()];
        }
        const y = await b();
        return [await a(), y];
      };
      const [baseRun, nextRun] = await pair(
        () => load(SECONDS, (i) => login(baseServer, emails[i])),
        () => load(SECONDS, (i) => login(newServer, emails[i])),
      );
      // Trivial route, same build: `next start` (baseTrivial) vs the web server (nextTrivial).
      const [baseTrivial, nextTrivial] = await pair(
        () => load(5, () => fetch(`${plainNext.url}/api/health`)),
        () => load(5, () => fetch(`${newServer.url}/api/health`)),
      );
      rounds.push({ base: baseRun, next: nextRun, baseTrivial, nextTrivial });
      console.log(
        `round ${r + 1}: sign-in base ${baseRun.rps}/s, new ${nextRun.rps}/s (×${(nextRun.rps / baseRun.rps).toFixed(2)}); health next start ${baseTrivial.rps}/s, web server ${nextTrivial.rps}/s`,
      );
    }
    const sum = (f: (x: (typeof rounds)[number]) => Run) => rounds.reduce((a, x) => a + f(x).requests, 0);
    const total = (f: (x: (typeof rounds)[number]) => Run) => ({
      requests: sum(f),
      errors: rounds.reduce((a, x) => a + f(x).errors, 0),
      rps: +(rounds.reduce((a, x) => a + f(x).rps, 0) / rounds.length).toFixed(1),
    });
    const b = total((x) => x.base);
    const n = total((x) => x.next);
    const bt = total((x) => x.baseTrivial);
    const nt = total((x) => x.nextTrivial);
    const ratio = +(n.rps / b.rps).toFixed(2);
    const within = ratio >= 0.9;
    console.log(`sign-in throughput, new / base: ${ratio} (${within ? "within" : "NOT within"} 10 % of before)`);

    const row = (name: string, rs: Run[]) =>
      `| ${name} | ${rs.map((x) => x.rps).join(" / ")} | ${rs.map((x) => x.p50).join(" / ")} | ${rs.map((x) => x.p95).join(" / ")} | ${rs.reduce((a, x) => a + x.requests, 0)} | ${rs.reduce((a, x) => a + x.errors, 0)} |`;
    const md = `## Security hardening (issue 11) — \`node --import tsx bench/security.ts\`

Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}, PostgreSQL on
127.0.0.1 (load average ${os.loadavg()[0].toFixed(1)} at the end; the machine is shared with other work, so the absolute figures move
between runs — the ratio is what counts). Method: the commit before the hardening (\`${base.slice(0, 12)}\`, exported with \`git
archive\` and built beside this one) and this commit (\`${head.slice(0, 12)}\`) served side by side against one database — the base by
\`next start\` as it was, this one by its own web server (scripts/web-server.ts) — measured in alternating rounds of ${SECONDS} s each,
${CONCURRENCY} connections, each connection signing in as a user of its own with the right password (bcrypt cost 10) through
\`POST /api/v1/auth/login\`. Per round: req/s, p50 and p95 in ms.

| what | req/s per round | p50 ms | p95 ms | requests | errors |
| --- | --- | --- | --- | ---: | ---: |
${row(
  "sign-in, before",
  rounds.map((x) => x.base),
)}
${row(
  "sign-in, with the new checks",
  rounds.map((x) => x.next),
)}
${row(
  "GET /api/health, this build, `next start`",
  rounds.map((x) => x.baseTrivial),
)}
${row(
  "GET /api/health, this build, scripts/web-server.ts",
  rounds.map((x) => x.nextTrivial),
)}

**Sign-in throughput with the new checks / before: ${ratio}** (mean of the rounds: ${n.rps} vs ${b.rps} sign-ins/s) — ${
      within ? "within 10 % of before (target met)" : "**not** within 10 % of before (target missed)"
    }. The web server in front of Next (client address, request id, security headers), trivial route with it / without it,
same build: ${(nt.rps / bt.rps).toFixed(2)} (rounds of 5 s, ${CONCURRENCY} connections, Node's fetch as the load generator on the same 2 cores; the order
swaps every round). ${
      nt.rps >= 0.9 * bt.rps
        ? "No measurable cost: the difference is within the round-to-round spread of the shared machine."
        : "**The web server costs measurably** on the trivial route."
    }

What the sign-in does now: three failure counters taken in one upsert each before the password is compared
(in parallel), the password compared once, the points given back and the account's count cleared on success,
a \`signed_in\` row in the event log, and the session made from a one-time ticket. Before, the route compared
the password twice (once itself, once more in next-auth's credentials callback), which is why it is not
slower now although it writes more: bcrypt dominates a sign-in.
`;
    fs.writeFileSync(path.join(__dirname, "RESULTS-security.md"), md);
    console.log(`\nwritten bench/RESULTS-security.md`);
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
