import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./helpers/test-db";

/**
 * The two commands' promise, through the real start script: the embedded default starts, seeds once,
 * finds its data again, survives a SIGKILL, and stops clean; with DATABASE_URL no embedded server starts.
 * Needs the production build (`npm test` builds first).
 */
const ROOT = path.resolve(__dirname, "..");
const children: ChildProcess[] = [];

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", SMTP_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  children.push(child);
  return { child, log: () => log };
}

async function waitHealthy(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${log()}`);
    // Only this run's server counts (a killed run's server may still answer until the new start ends it).
    if (!log().includes("is starting on")) {
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status === 200) return (await r.json()) as unknown;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not healthy in time:\n${log()}`);
}

function postgresPidsFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const p of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmd.includes("postgres") && cmd.includes(path.join(dataDir, "db"))) pids.push(Number(p));
    } catch {
      /* gone */
    }
  }
  return pids;
}

const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)));

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

describe("npm start", () => {
  it("embedded: starts, seeds once, reuses its data, recovers from SIGKILL, stops clean on SIGINT", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kic-start-"));
    fs.chmodSync(dataDir, 0o755);
    const port = 31000 + Math.floor(Math.random() * 1000);
    const env = { DATABASE_URL: "", DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(port + 1000) };

    const first = start(env);
    expect(await waitHealthy(port, first.child, first.log)).toEqual({ status: "ok" });
    expect(first.log()).toContain("demo data seeded");
    expect(first.log()).toContain("Demo logins (password kic-demo-2026)"); // a laptop: demo mode
    const url = `postgres://postgres:${fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim()}@127.0.0.1:${port + 1000}/kic`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("insert into settings (key, value) values ('start-test', '1'::jsonb)");
    await c.end();

    // SIGKILL: the start script dies at once and leaves its postgres (and next) behind.
    first.child.kill("SIGKILL");
    await exited(first.child);

    const second = start(env);
    expect(await waitHealthy(port, second.child, second.log)).toEqual({ status: "ok" });
    expect(second.log()).not.toContain("demo data seeded");
    const c2 = new pg.Client({ connectionString: url });
    await c2.connect();
    expect((await c2.query("select value from settings where key = 'start-test'")).rows).toEqual([{ value: 1 }]);
    await c2.end();

    second.child.kill("SIGINT");
    await exited(second.child);
    await new Promise((r) => setTimeout(r, 500));
    expect(postgresPidsFor(dataDir), second.log()).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 600_000);

  it("with DATABASE_URL: uses that server and starts no embedded one", async () => {
    const db = await createTestDatabase("kic_start");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kic-start-ext-"));
    const port = 32000 + Math.floor(Math.random() * 1000);
    const run = start({ DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: String(port) });
    expect(await waitHealthy(port, run.child, run.log)).toEqual({ status: "ok" });
    expect(run.log()).toContain("using the PostgreSQL at DATABASE_URL");
    expect(fs.existsSync(path.join(dataDir, "db"))).toBe(false);
    // DATABASE_URL without SEED_DEMO: no demo data, no demo accounts, no demo password — whatever NODE_ENV
    // says (development here).
    expect(run.log()).not.toContain("kic-demo-2026");
    expect(run.log()).toContain("No demo accounts");
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    expect((await c.query("select count(*)::int as n from users")).rows[0].n).toBe(0);
    await c.end();
    const login = await (await fetch(`http://127.0.0.1:${port}/login`)).text();
    expect(login).not.toContain("kic-demo-2026");
    run.child.kill("SIGINT");
    await exited(run.child);
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 600_000);
});
