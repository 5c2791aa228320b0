import crypto from "node:crypto";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./helpers/app-server";

/**
 * Issue 11 item 12, for real: a TCP proxy (in this test) stands between the app server and PostgreSQL.
 * Cutting it makes the database unreachable; every route answers 503 with Retry-After within the
 * connection timeout (the CTI webhook included); restoring it brings the app back by itself.
 */
let app: AppServer;
let client: pg.Client;
let proxy: net.Server | null = null;
const sockets = new Set<net.Socket>();
let proxyPort = 0;
let target: { host: string; port: number };
let apiKey = "";
const CTI_TOKEN = "outage-cti-token-0123456789";
const CLIENT = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;

function openProxy(): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((inbound) => {
      const outbound = net.connect(target.port, target.host);
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    server.once("error", reject);
    server.listen(proxyPort, "127.0.0.1", () => {
      proxyPort = (server.address() as net.AddressInfo).port;
      proxy = server;
      resolve();
    });
  });
}

/** The database "stops": no new connections, and the open ones are cut. */
async function cutProxy(): Promise<void> {
  const server = proxy;
  proxy = null;
  for (const s of sockets) s.destroy();
  await new Promise((r) => server?.close(r));
}

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  target = { host: url.hostname, port: Number(url.port || 5432) };
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  apiKey = `outage-${crypto.randomBytes(12).toString("hex")}`;
  await client.query(`insert into api_keys (name, role, prefix, key_hash) values ('outage', 'supervisor', $1, $2)`, [
    apiKey.slice(0, 8),
    crypto.createHash("sha256").update(apiKey).digest("hex"),
  ]);
  await openProxy();
  const viaProxy = new URL(process.env.DATABASE_URL!);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxyPort);
  app = await startAppServer({
    port: 46700 + Math.floor(Math.random() * 200),
    // TRUSTED_PROXIES: this test's public requests get an address of their own (rate limits are shared
    // through the database with the other test files).
    env: { DATABASE_URL: viaProxy.toString(), CTI_TOKEN, PG_CONNECT_TIMEOUT_MS: "2000", TRUSTED_PROXIES: "loopback" },
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  if (proxy) await cutProxy();
  await client?.end();
});

const requests = {
  health: () => fetch(`${app.url}/api/health`),
  agentApi: () => fetch(`${app.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${apiKey}` } }),
  publicApi: () =>
    fetch(`${app.url}/api/v1/complaints/status`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": CLIENT },
      body: JSON.stringify({ reference: "K-2000-00001", email: "nobody@example.org" }),
    }),
  cti: () =>
    fetch(`${app.url}/api/v1/cti/${CTI_TOKEN}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: "newCall", callId: `outage-${Date.now()}`, from: "0612345678", to: "09001234561", direction: "in" }),
    }),
};

describe("database outage", () => {
  it("answers 503 with Retry-After on every route while the database is away, and recovers when it returns", async () => {
    const up = {
      health: (await requests.health()).status,
      agentApi: (await requests.agentApi()).status,
      publicApi: (await requests.publicApi()).status,
      cti: (await requests.cti()).status,
    };
    expect(up).toEqual({ health: 200, agentApi: 200, publicApi: 404, cti: 200 });

    await cutProxy();
    for (const [name, send] of Object.entries(requests)) {
      const r = await send();
      expect(r.status, name).toBe(503);
      expect(Number(r.headers.get("retry-after")), name).toBeGreaterThan(0);
      if (name !== "health") expect((await r.json()).error.code, name).toBe("database_unavailable");
    }

    await openProxy();
    const deadline = Date.now() + 30_000;
    let health = 0;
    while (Date.now() < deadline && health !== 200) {
      health = (await requests.health()).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(health).toBe(200);
    expect((await requests.agentApi()).status).toBe(200);
    expect((await requests.publicApi()).status).toBe(404);
    expect((await requests.cti()).status).toBe(200);
  });
});
