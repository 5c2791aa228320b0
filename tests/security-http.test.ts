import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./helpers/app-server";

/**
 * Issue 11, the platform items, over real HTTP against the production build behind the app's own web
 * server (scripts/web-server.ts), on the test run's PostgreSQL. Two servers: A as installed by default
 * (no trusted proxies), B behind a "proxy" on loopback (TRUSTED_PROXIES=loopback), with an https APP_URL
 * and a 3-second session idle timeout.
 */
const ROOT = path.resolve(__dirname, "..");
let A: AppServer;
let B: AppServer;
let client: pg.Client;
let adminKey = "";

/** A session cookie jar of one: keeps the session cookie the answers set. */
class Session {
  cookie = "";
  constructor(readonly base: string) {}
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const m = c.match(/^((?:__Secure-)?authjs\.session-token)=([^;]*)/);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : "";
    }
    return res;
  }
  async fetch(p: string, init: RequestInit & { origin?: string | null } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const origin = init.origin === undefined ? this.base : init.origin;
    if (origin) headers.set("origin", origin);
    return this.take(await fetch(this.base + p, { ...init, headers }));
  }
  async login(email: string, password: string) {
    return this.fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
  }
}

/** A user of its own; bcrypt cost 4 keeps the tests quick, `cost: 10` is the app's (a real comparison's time). */
async function makeUser(
  role = "admin",
  opts: { password?: string; cost?: number } = {},
): Promise<{ id: string; email: string; password: string }> {
  const password = opts.password ?? "right-password-1";
  const email = `sec-${role}-${crypto.randomBytes(4).toString("hex")}@kic.example`;
  const { rows } = await client.query(`insert into users (email, name, password_hash, role) values ($1, 'Sec Test', $2, $3) returning id`, [
    email,
    bcrypt.hashSync(password, opts.cost ?? 4),
    role,
  ]);
  return { id: rows[0].id, email, password };
}

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  adminKey = `sec-admin-${crypto.randomBytes(12).toString("hex")}`;
  await client.query(`insert into api_keys (name, role, prefix, key_hash) values ('sec admin', 'admin', $1, $2)`, [
    adminKey.slice(0, 8),
    crypto.createHash("sha256").update(adminKey).digest("hex"),
  ]);
  const port = 46300 + Math.floor(Math.random() * 300);
  [A, B] = await Promise.all([
    startAppServer({ port, env: { CTI_TOKEN: "sec-cti-token-0123456789" } }),
    startAppServer({
      port: port + 1,
      env: { TRUSTED_PROXIES: "loopback", APP_URL: "https://kic.test.example", SESSION_IDLE_MINUTES: "0.05" },
    }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  await client?.end();
});

describe("client address (TRUSTED_PROXIES)", () => {
  const lookups = (server: AppServer, n: number, prefix: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        fetch(`${server.url}/api/v1/complaints/status`, {
          ...json({ reference: "K-2000-00001", email: "nobody@example.org" }),
          headers: { "content-type": "application/json", "x-forwarded-for": `${prefix}.${i + 1}`, "x-kic-client-ip": `${prefix}.${i + 1}` },
        }).then((r) => r.status),
      ),
    );

  it("no trusted proxy: 30 requests with 30 different X-Forwarded-For values still hit the limit (20 a minute)", async () => {
    const statuses = await lookups(A, 30, "203.0.113");
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(20);
  });

  it("behind a trusted proxy the forwarded address is the client: 30 addresses, no 429", async () => {
    const statuses = await lookups(B, 30, "198.51.100");
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([404]));
  });
});

describe("bounded bodies", () => {
  /** Sends `size` bytes (Content-Length, or chunked) and resolves with the answer, which may come early. */
  function send(url: string, size: number, headers: Record<string, string>, chunked = false): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      // A connection of its own: a client that stops sending early must not reuse the socket.
      const req = http.request(url, {
        method: "POST",
        agent: false,
        headers: chunked ? headers : { ...headers, "content-length": String(size) },
      });
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => {
          resolve({ status: res.statusCode!, body });
          req.destroy();
        });
      });
      // A write that fails because the server already answered and closed (EPIPE/ECONNRESET) still lets the
      // answer through when it arrived first: give it a moment before calling it a failure.
      req.on("error", (e) => {
        if (answered) return;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EPIPE" || code === "ECONNRESET") setTimeout(() => (answered ? undefined : reject(e)), 2000);
        else reject(e);
      });
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < size && !answered) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
  }

  const rss = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]) * 1024;

  it("a 30 MB body to the public complaint form is refused with 413 and the server's memory stays flat", async () => {
    const url = `${A.url}/api/v1/complaints`;
    const type = { "content-type": "multipart/form-data; boundary=x" };
    // Warm the route (its code loaded) before measuring.
    expect((await send(url, 1000, type)).status).toBe(400);
    const before = rss(A.pid);
    const r = await send(url, 30 * 1024 * 1024, type);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: "too_large", fields: { attachments: expect.any(String) } } });
    const grown = rss(A.pid) - before;
    expect(grown, `RSS grew by ${Math.round(grown / 1e6)} MB`).toBeLessThan(20 * 1024 * 1024);
  });

  it("a chunked body (no Content-Length) is counted while it streams and refused at the 1 MB JSON cap", async () => {
    const r = await send(`${A.url}/api/v1/auth/login`, 5 * 1024 * 1024, { "content-type": "application/json" }, true);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe("too_large");
  });

  it("the CTI webhook and the inbound-mail webhook are capped too", async () => {
    const cti = await send(`${A.url}/api/v1/cti/sec-cti-token-0123456789`, 200 * 1024, { "content-type": "application/json" });
    expect(cti.status).toBe(413);
    const mail = await send(`${A.url}/api/v1/inbound-email`, 26 * 1024 * 1024, {
      "content-type": "message/rfc822",
      authorization: `Bearer ${adminKey}`,
    });
    expect(mail.status).toBe(413);
  });
});

describe("CSRF", () => {
  it("a cross-origin POST with a valid session cookie is refused 403; the same request from this origin is not", async () => {
    const u = await makeUser("admin");
    const s = new Session(A.url);
    await client.query("update users set must_change_password = false where id = $1", [u.id]);
    expect((await s.login(u.email, u.password)).status).toBe(200);
    const body = { ...json({ name: `csrf ${Date.now()}`, role: "frontdesk" }) };
    const evil = await s.fetch("/api/v1/admin/api-keys", { ...body, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.code).toBe("forbidden");
    const fetchSite = await s.fetch("/api/v1/admin/api-keys", {
      ...body,
      origin: null,
      headers: { ...body.headers, "sec-fetch-site": "cross-site" },
    });
    expect(fetchSite.status).toBe(403);
    const noOrigin = await s.fetch("/api/v1/admin/api-keys", { ...body, origin: null });
    expect(noOrigin.status).toBe(403);
    const same = await s.fetch("/api/v1/admin/api-keys", body);
    expect(same.status).toBe(201);
    const sameSite = await s.fetch("/api/v1/admin/api-keys", {
      ...body,
      origin: null,
      headers: { ...body.headers, "sec-fetch-site": "same-origin" },
    });
    expect(sameSite.status).toBe(201);
  });

  it("an API-key request is not subject to the Origin check", async () => {
    const r = await fetch(`${A.url}/api/v1/admin/api-keys`, {
      ...json({ name: `key ${Date.now()}`, role: "frontdesk" }),
      headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}`, origin: "https://evil.example" },
    });
    expect(r.status).toBe(201);
  });

  it("public endpoints refuse what the browser marks cross-site and serve non-browser clients", async () => {
    const body = json({ reference: "K-2000-00002", email: "nobody@example.org" });
    const cross = await fetch(`${B.url}/api/v1/complaints/status`, {
      ...body,
      headers: { ...body.headers, "sec-fetch-site": "cross-site", origin: "https://evil.example", "x-forwarded-for": "192.0.2.77" },
    });
    expect(cross.status).toBe(403);
    const plain = await fetch(`${B.url}/api/v1/complaints/status`, {
      ...body,
      headers: { ...body.headers, "x-forwarded-for": "192.0.2.78" },
    });
    expect(plain.status).toBe(404);
  });
});

describe("security headers", () => {
  it("pages carry a nonce CSP that Next's scripts use, and the other headers", async () => {
    const r = await fetch(`${A.url}/login`);
    expect(r.status).toBe(200);
    const csp = r.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const html = await r.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("same-origin");
    expect(r.headers.get("permissions-policy")).toContain("camera=()");
    expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get("strict-transport-security")).toBeNull(); // APP_URL is http here
  });

  it("API answers carry them too, and HSTS when APP_URL is https", async () => {
    const r = await fetch(`${B.url}/api/health`);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const page = await fetch(`${B.url}/login`);
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("the demo password is nowhere on the login page of a database without demo data", async () => {
    const html = await (await fetch(`${A.url}/login`)).text();
    expect(html).not.toContain("kic-demo-2026");
  });
});

describe("login", () => {
  it("parallel guesses never get more password checks than the limit (5), even with the right one among them", async () => {
    const u = await makeUser("frontdesk", { cost: 10 });
    // 19 wrong guesses and the right password (sixth), all at once. A password that was compared answers 401 (wrong)
    // or 200 (right); one refused by the counter answers 429 without a comparison. Checking the counter only
    // after the comparison let all 20 be compared, the right one signing in past the limit.
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 5 ? u.password : `wrong-${i}`));
    const statuses = await Promise.all(
      guesses.map((password) => fetch(`${A.url}/api/v1/auth/login`, json({ email: u.email, password })).then((r) => r.status)),
    );
    const compared = statuses.filter((s) => s === 401 || s === 200).length;
    expect(compared, JSON.stringify(statuses)).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    // Unless the right password happened to be among the compared ones, the account is blocked now.
    if (!statuses.includes(200))
      expect((await fetch(`${A.url}/api/v1/auth/login`, json({ email: u.email, password: u.password }))).status).toBe(429);
    const failures = await client.query(`select count(*)::int as n from events where entity_id = $1 and action = 'sign_in_failed'`, [u.id]);
    expect(failures.rows[0].n).toBeLessThanOrEqual(5);
    expect(JSON.stringify((await client.query(`select data from events where entity_id = $1`, [u.id])).rows)).not.toContain(u.email);
  });

  it("blocks grow exponentially: the second block is twice the first (LOGIN_BLOCK_SECONDS=2)", async () => {
    const u = await makeUser("frontdesk");
    const wrong = () => fetch(`${A.url}/api/v1/auth/login`, json({ email: u.email, password: "nope-nope" }));
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    const first = await wrong();
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get("retry-after"));
    await new Promise((r) => setTimeout(r, (firstWait + 0.5) * 1000));
    for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
    const second = await wrong();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(2 * firstWait);
  });

  it("a successful sign-in and a failure are written to the event log, without the password", async () => {
    const u = await makeUser("frontdesk");
    await fetch(`${A.url}/api/v1/auth/login`, json({ email: u.email, password: "wrong-one-1" }));
    expect((await fetch(`${A.url}/api/v1/auth/login`, json({ email: u.email, password: u.password }))).status).toBe(200);
    const { rows } = await client.query(`select action, data from events where entity_id = $1 order by id`, [u.id]);
    expect(rows.map((r) => r.action)).toEqual(["sign_in_failed", "signed_in"]);
    expect(JSON.stringify(rows)).not.toContain("wrong-one-1");
  });
});

describe("sessions", () => {
  it("sign-out revokes an existing session cookie (every session of the user)", async () => {
    const u = await makeUser("frontdesk");
    const one = new Session(A.url);
    const two = new Session(A.url);
    await one.login(u.email, u.password);
    await two.login(u.email, u.password);
    expect((await one.fetch("/api/v1/tickets")).status).toBe(200);
    const copied = one.cookie;
    expect((await two.fetch("/api/v1/auth/logout", { method: "POST" })).status).toBe(200);
    expect((await one.fetch("/api/v1/tickets")).status).toBe(401);
    const replay = await fetch(`${A.url}/api/v1/tickets`, { headers: { cookie: copied } });
    expect(replay.status).toBe(401);
  });

  it("a password change revokes existing sessions and keeps the browser that changed it signed in", async () => {
    const u = await makeUser("frontdesk");
    const other = new Session(A.url);
    const me = new Session(A.url);
    await other.login(u.email, u.password);
    await me.login(u.email, u.password);
    const wrong = await me.fetch("/api/v1/auth/password", json({ currentPassword: "not-it-at-all", newPassword: "a-new-password-1" }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields).toHaveProperty("currentPassword");
    const ok = await me.fetch("/api/v1/auth/password", json({ currentPassword: u.password, newPassword: "a-new-password-1" }));
    expect(ok.status).toBe(200);
    expect((await other.fetch("/api/v1/tickets")).status).toBe(401);
    expect((await me.fetch("/api/v1/tickets")).status).toBe(200);
    expect((await new Session(A.url).login(u.email, "a-new-password-1")).status).toBe(200);
  });

  it("a session ends after the idle timeout and lives on while used (SESSION_IDLE_MINUTES=0.05 on B)", async () => {
    const u = await makeUser("frontdesk");
    const busy = new Session(B.url);
    const idle = new Session(B.url);
    const fwd = { "x-forwarded-for": "192.0.2.10" };
    expect(
      (
        await busy.fetch("/api/v1/auth/login", {
          ...json({ email: u.email, password: u.password }),
          headers: { "content-type": "application/json", ...fwd },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await idle.fetch("/api/v1/auth/login", {
          ...json({ email: u.email, password: u.password }),
          headers: { "content-type": "application/json", ...fwd },
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      expect((await busy.fetch("/api/v1/tickets")).status).toBe(200);
    }
    expect((await idle.fetch("/api/v1/tickets")).status).toBe(401);
  });
});

describe("path ids", () => {
  const get = (p: string) => fetch(`${A.url}${p}`, { headers: { authorization: `Bearer ${adminKey}` } });
  it.each([
    "/api/v1/tickets/1/attachments/not-a-uuid",
    "/api/v1/tickets/1/messages/1234/raw",
    "/api/v1/complaints/K-2026-00001/attachments/x'y",
    "/api/v1/tickets/abc",
    "/api/v1/calls/12abc",
    "/api/v1/desks/A1!x/day?date=2026-01-01",
  ])("%s is a 404, never a 500", async (p) => {
    const r = await get(p);
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBe("not_found");
  });
});

describe("admin:create", () => {
  it("prints a one-time password that signs in only to change it", async () => {
    const email = `first-admin-${crypto.randomBytes(4).toString("hex")}@example.org`;
    // Not spawnSync: a blocked event loop lets the servers' keep-alive connections in the pool go stale.
    const adminCreate = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ["--import", "tsx", "scripts/admin-create.ts", ...args],
          { cwd: ROOT, env: { ...process.env } },
          (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
    const run = await adminCreate("--email", email, "--name", "First Admin");
    expect(run.status, run.stderr).toBe(0);
    const password = run.stdout.match(/One-time password: (\S+)/)?.[1];
    expect(password).toBeTruthy();
    const again = await adminCreate("--email", email);
    expect(again.status).not.toBe(0);

    const s = new Session(A.url);
    const login = await s.login(email, password!);
    expect(login.status).toBe(200);
    expect((await login.json()).mustChangePassword).toBe(true);
    const blocked = await s.fetch("/api/v1/admin/users");
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe("password_change_required");
    const page = await fetch(`${A.url}/agent`, { headers: { cookie: s.cookie }, redirect: "manual" });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.get("location")).toContain("/wachtwoord");
    expect((await s.fetch("/api/v1/auth/password", json({ currentPassword: password, newPassword: "my-own-password-1" }))).status).toBe(
      200,
    );
    expect((await s.fetch("/api/v1/admin/users")).status).toBe(200);
  });
});
