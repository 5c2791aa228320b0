import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../db/migrate";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

/**
 * Issue 11 item 10, "exactly one send per message", with real processes: each outbox worker is a child process
 * running lib/mail/deliver.ts (tests/helpers/outbox-worker.ts), the relay is a real SMTP server here, the admin
 * retry goes over HTTP to the production build. The outbox lives in a database of its own, so that the other
 * test files' sweeps cannot take these messages (nor these workers theirs). Ports 43440–43499.
 */
const uid = () => crypto.randomBytes(4).toString("hex");
const SINK = 43440 + Math.floor(Math.random() * 30);
let database: TestDatabase;
let c: pg.Client;
let app: AppServer;
let adminKey = "";
let sink: SMTPServer;

/** What the sink accepted (250 after DATA), by Message-ID. */
const delivered: string[] = [];
/** The next connection is held: `greeting` before the 220, `data` before the answer to the message. */
let holdNext: null | "greeting" | "data" = null;
let pending: { seen: () => void; released: Promise<void>; reject: boolean } | null = null;

/**
 * Arms the sink to hold the next connection at `kind`; `seen` resolves when a worker got there. With `reject`,
 * the held message is refused (451) on release instead of accepted.
 */
function armHold(kind: "greeting" | "data", reject = false): { seen: Promise<void>; release: () => void } {
  let seen!: () => void;
  const seenP = new Promise<void>((r) => (seen = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  holdNext = kind;
  pending = { seen, released, reject };
  return { seen: seenP, release };
}

function worker(
  env: Record<string, string> = {},
  max = 50,
): { child: ChildProcess; result: Promise<{ code: number | null; out: string }>; claiming: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "helpers/outbox-worker.ts"), String(max)], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, DATABASE_URL: database.url, SMTP_RELAY_URL: `smtp://127.0.0.1:${SINK}`, OUTBOX_LEASE_SECONDS: "120", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let claimingResolve!: () => void;
  const claiming = new Promise<void>((r) => (claimingResolve = r));
  child.stdout!.on("data", (d) => {
    out += d;
    if (out.includes("CLAIMING")) claimingResolve();
  });
  child.stderr!.on("data", (d) => (out += d));
  const result = new Promise<{ code: number | null; out: string }>((resolve) => child.once("exit", (code) => resolve({ code, out })));
  return { child, result, claiming };
}
const sentBy = (out: string) => JSON.parse(out.match(/DONE (\{.*\})/)![1]) as { sent: number; failed: number };

async function queueMessage(): Promise<{ id: string; messageId: string }> {
  const messageId = `<lease-${uid()}@ind.example>`;
  const { rows } = await c.query<{ id: string }>(
    `insert into outbound_emails (to_address, subject, text_body, message_id, context_type, kind) values ($1, 'Uw afspraak', 'Tot ziens', $2, 'test', 'test.lease') returning id`,
    [`klant.${uid()}@example.org`, messageId],
  );
  return { id: rows[0].id, messageId };
}
const row = async (id: string) =>
  (
    await c.query<{
      status: string;
      attempts: number;
      claim_token: string | null;
      lease_until: Date | null;
      next_attempt_at: Date;
      last_error: string | null;
    }>(`select * from outbound_emails where id = $1`, [id])
  ).rows[0];

beforeAll(async () => {
  database = await createTestDatabase("kic_outbox");
  await migrateDatabase(database.url);
  c = new pg.Client({ connectionString: database.url });
  await c.connect();
  adminKey = `kic_${crypto.randomBytes(16).toString("hex")}`;
  await c.query(`insert into api_keys (name, role, prefix, key_hash) values ('lease admin', 'admin', $1, $2)`, [
    adminKey.slice(0, 8),
    crypto.createHash("sha256").update(adminKey).digest("hex"),
  ]);
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onConnect(_s, cb) {
      if (holdNext === "greeting" && pending) {
        holdNext = null;
        const p = pending;
        p.seen();
        void p.released.then(() => cb());
      } else cb();
    },
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (d: Buffer) => chunks.push(d));
      stream.on("end", () => {
        const id =
          Buffer.concat(chunks)
            .toString()
            .match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? "?";
        const accept = () => {
          delivered.push(id);
          cb(null, "queued");
        };
        if (holdNext === "data" && pending) {
          holdNext = null;
          const p = pending;
          p.seen();
          void p.released.then(() => (p.reject ? cb(Object.assign(new Error("4.3.0 try again later"), { responseCode: 451 })) : accept()));
        } else accept();
      });
    },
  });
  sink.on("error", () => undefined); // a killed worker's connection ends mid-session
  await new Promise<void>((r) => sink.listen(SINK, "127.0.0.1", () => r()));
  app = await startAppServer({ port: 43470 + Math.floor(Math.random() * 30), env: { DATABASE_URL: database.url, SMTP_PORT: "0" } });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
  await c?.end();
  await database?.drop();
});

describe("outbox: exactly one send per message (issue 11 item 10)", () => {
  it("a worker killed between claim and send: nobody else sends during its lease, the next worker after it delivers once", async () => {
    const m = await queueMessage();
    const gate = armHold("greeting");
    const a = worker();
    await gate.seen; // A has claimed the message and is connecting to the relay
    const claimed = await row(m.id);
    expect(claimed.claim_token).toBeTruthy();
    expect(claimed.lease_until!.getTime()).toBeGreaterThan(Date.now());
    a.child.kill("SIGKILL");
    expect((await a.result).code).toBeNull(); // killed, not finished
    gate.release(); // the dead worker's connection is gone; nothing was sent
    expect(delivered.filter((d) => d === m.messageId)).toHaveLength(0);

    // B, while A's lease still runs (A might be a slow worker, not a dead one): it takes nothing
    const b = await worker().result;
    expect(sentBy(b.out)).toEqual({ sent: 0, failed: 0 });
    // the lease runs out (as if its 120 s had passed): C takes over and delivers once, D finds nothing to do
    await c.query(`update outbound_emails set lease_until = now() - interval '1 second' where id = $1`, [m.id]);
    expect(sentBy((await worker().result).out)).toEqual({ sent: 1, failed: 0 });
    expect(sentBy((await worker().result).out)).toEqual({ sent: 0, failed: 0 });
    expect(delivered.filter((d) => d === m.messageId)).toHaveLength(1);
    expect(await row(m.id)).toMatchObject({ status: "sent", attempts: 2, claim_token: null, lease_until: null });
  });

  it("an admin retry of a message being sent waits for the lease: one delivery, not two", async () => {
    const m = await queueMessage();
    const gate = armHold("data");
    const a = worker();
    await gate.seen; // A is sending: the relay has the message and has not answered yet
    const retry = await fetch(`${app.url}/api/v1/admin/outbox/${m.id}/retry`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(retry.status).toBe(200);
    const body = await retry.json();
    expect(body).toMatchObject({ id: m.id, status: "queued" });
    expect(body.sendingUntil).toBeTruthy(); // the admin is told it is being sent right now
    // another worker runs while A is still sending: the retry made the message due, but the lease holds it
    expect(sentBy((await worker().result).out)).toEqual({ sent: 0, failed: 0 });
    gate.release();
    expect(sentBy((await a.result).out)).toEqual({ sent: 1, failed: 0 });
    expect(sentBy((await worker().result).out)).toEqual({ sent: 0, failed: 0 });
    expect(delivered.filter((d) => d === m.messageId)).toHaveLength(1);
    expect(await row(m.id)).toMatchObject({ status: "sent", attempts: 1, claim_token: null });
  });

  it("a retry asked for during a send that then fails is kept: due at once, not after the back-off", async () => {
    const m = await queueMessage();
    const gate = armHold("data", true);
    const a = worker({}, 1); // one claim: A's pass ends with this attempt
    await gate.seen; // A is sending
    const retry = await fetch(`${app.url}/api/v1/admin/outbox/${m.id}/retry`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(retry.status).toBe(200);
    gate.release(); // … and the relay refuses the message (451)
    expect(sentBy((await a.result).out)).toEqual({ sent: 0, failed: 1 });
    const r = await row(m.id);
    expect(r).toMatchObject({ status: "queued", claim_token: null, lease_until: null });
    expect(r.last_error).toBeTruthy();
    expect(r.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now()); // not the 1-minute back-off
    expect(sentBy((await worker().result).out)).toEqual({ sent: 1, failed: 0 });
    expect(delivered.filter((d) => d === m.messageId)).toHaveLength(1);
  });
});
