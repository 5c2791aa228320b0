import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./helpers/app-server";

/**
 * The dashboard API over HTTP (spec 05), against the production build (`node --import tsx scripts/start.ts
 * --build-only` first): exact totals, one row per day, the annual report and its CSV, 400s naming the field,
 * 403 for a role without viewDashboards.
 */
let app: AppServer;
let client: pg.Client;
const keys: Record<"supervisor" | "frontdesk", string> = { supervisor: "", frontdesk: "" };

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  for (const role of ["supervisor", "frontdesk"] as const) {
    const key = `dash-${role}-${crypto.randomBytes(12).toString("hex")}`;
    await client.query(`insert into api_keys (name, role, prefix, key_hash) values ($1, $2, $3, $4)`, [
      `dash ${role}`,
      role,
      key.slice(0, 8),
      crypto.createHash("sha256").update(key).digest("hex"),
    ]);
    keys[role] = key;
  }
  // Year 2081: 3 frontdesk calls on 1 Feb (2 answered), 1 partners call on 3 Feb (abandoned); 2080: 2 calls, 2 answered.
  const rows: [string, string, string, boolean][] = [
    ["h1", "frontdesk", "2081-02-01T10:00:00+01:00", true],
    ["h2", "frontdesk", "2081-02-01T11:00:00+01:00", true],
    ["h3", "frontdesk", "2081-02-01T12:00:00+01:00", false],
    ["h4", "partners", "2081-02-03T09:00:00+01:00", false],
    ["h5", "backoffice", "2080-05-05T09:00:00+02:00", true],
    ["h6", "backoffice", "2080-05-06T09:00:00+02:00", true],
  ];
  for (const [id, queue, at, answered] of rows) {
    await client.query(
      `insert into calls (source, external_id, queue, offered_at, answered_at, wait_seconds, talk_seconds, result)
       values ('queue_log', $1, $2, $3, case when $4 then $3::timestamptz + interval '12 seconds' end, 12, case when $4 then 90 end,
               case when $4 then 'answered' else 'abandoned' end)`,
      [`http-${id}`, queue, at, answered],
    );
  }
  app = await startAppServer({ port: 45151 + Math.floor(Math.random() * 40) });
});

afterAll(async () => {
  await app?.stop();
  await client?.end();
});

const get = (p: string, role: "supervisor" | "frontdesk" = "supervisor") =>
  fetch(app.url + p, { headers: { authorization: `Bearer ${keys[role]}` } });

describe("dashboard API over HTTP", () => {
  it("summary gives the exact totals with one-decimal percentages", async () => {
    const r = await get("/api/v1/dashboard/summary?from=2081-01-01&to=2081-12-31");
    expect(r.status).toBe(200);
    const s = await r.json();
    expect(s).toMatchObject({ from: "2081-01-01", to: "2081-12-31" });
    expect(s.calls).toMatchObject({ offered: 4, answered: 2, abandoned: 2, reachabilityPct: 50, serviceLevelPct: 50, asaSeconds: 12 });
    expect(s.calls.byQueue.frontdesk).toMatchObject({ offered: 3, answered: 2, abandoned: 1, reachabilityPct: 66.7 });
    expect(s.calls.byQueue.backoffice).toMatchObject({ offered: 0, reachabilityPct: null });
    for (const k of ["received", "firstResponses", "withinSlaPct", "open"]) expect(s.emails).toHaveProperty(k);
    for (const k of ["received", "closed", "closedOnTime", "onTimePct", "open", "overdue"]) expect(s.complaints).toHaveProperty(k);
    for (const k of ["places", "booked", "checkedIn", "noShow"]) expect(s.appointments).toHaveProperty(k);
  });

  it("daily gives one row per day, zeros included, and filters by queue", async () => {
    const all = await (await get("/api/v1/dashboard/daily?from=2081-01-31&to=2081-02-03")).json();
    expect(all).toEqual([
      { date: "2081-01-31", offered: 0, answered: 0, abandoned: 0, reachabilityPct: null },
      { date: "2081-02-01", offered: 3, answered: 2, abandoned: 1, reachabilityPct: 66.7 },
      { date: "2081-02-02", offered: 0, answered: 0, abandoned: 0, reachabilityPct: null },
      { date: "2081-02-03", offered: 1, answered: 0, abandoned: 1, reachabilityPct: 0 },
    ]);
    const partners = await (await get("/api/v1/dashboard/daily?from=2081-02-01&to=2081-02-03&queue=partners")).json();
    expect(partners.map((d: { offered: number }) => d.offered)).toEqual([0, 0, 1]);
  });

  it("reports/annual compares the year with the previous one, as JSON and CSV", async () => {
    const r = await (await get("/api/v1/reports/annual?year=2081")).json();
    expect(r.year).toBe(2081);
    expect(r.previousYear).toBe(2080);
    expect(r.rows.find((x: { key: string }) => x.key === "callsOffered")).toMatchObject({
      previous: 2,
      current: 4,
      previousRounded: 0,
      currentRounded: 0,
      differencePct: 100,
    });
    expect(r.rows.find((x: { key: string }) => x.key === "reachabilityPct")).toMatchObject({
      previous: 100,
      current: 50,
      differencePct: -50,
    });
    const csv = await get("/api/v1/reports/annual?year=2081&format=csv&lang=en");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("callsOffered,Total incoming calls,count,2,4,0,0,100");
  });

  it("complaints imported from a CSV give exact received / on-time figures; a re-import changes nothing", async () => {
    // 2003: 10 complaints, 9 closed within the six weeks (Awb 9:11), 1 after; 2004: 12, 10 on time, 2 late.
    const tag = crypto.randomBytes(3).toString("hex");
    const lines = ["reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome"];
    const add = (year: number, n: number, late: number) => {
      for (let i = 0; i < n; i++) {
        const received = `${year}-0${1 + (i % 9)}-10`;
        const closed = `${year}-0${1 + (i % 9)}-${i < late ? "28" : "20"}`;
        // late ones: closed 60 days on, still in the same year
        const lateClosed = new Date(Date.parse(`${received}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
        lines.push(`DASH-${tag}-${year}-${i},${received},web,${received},,${i < late ? lateClosed : closed},unfounded`);
      }
    };
    add(2003, 10, 1);
    add(2004, 12, 2);
    const csv = lines.join("\n") + "\n";
    const post = () =>
      fetch(`${app.url}/api/v1/complaints/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${keys.supervisor}`, "content-type": "text/csv" },
        body: csv,
      }).then((r) => r.json());
    const first = await post();
    expect(first).toMatchObject({ rows: 22, imported: 22, errors: [] });
    const summary = async () => (await (await get("/api/v1/dashboard/summary?from=2004-01-01&to=2004-12-31")).json()).complaints;
    expect(await summary()).toMatchObject({ received: 12, closed: 12, closedOnTime: 10, onTimePct: 83.3 });
    const again = await post();
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 22 });
    expect(await summary()).toMatchObject({ received: 12, closed: 12, closedOnTime: 10, onTimePct: 83.3 });
    const report = await (await get("/api/v1/reports/annual?year=2004")).json();
    expect(report.rows.find((r: { key: string }) => r.key === "complaintsReceived")).toMatchObject({
      previous: 10,
      current: 12,
      differencePct: 20,
    });
    expect(report.rows.find((r: { key: string }) => r.key === "complaintsOnTimePct")).toMatchObject({
      previous: 90,
      current: 83.3,
      differencePct: -6.7,
    });
    const series = await (await get("/api/v1/dashboard/series?from=2004-01-01&to=2004-12-31")).json();
    const closedInSeries = series.complaints.reduce((n: number, m: { closed: number }) => n + m.closed, 0);
    expect(closedInSeries).toBe(12);
  });

  it("refuses bad periods naming the field, and roles without viewDashboards", async () => {
    const bad = await get("/api/v1/dashboard/summary?from=2081-13-01&to=2081-12-31");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("from");
    const missing = await get("/api/v1/dashboard/daily?from=2081-01-01");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields).toHaveProperty("to");
    const reversed = await get("/api/v1/dashboard/summary?from=2081-02-02&to=2081-02-01");
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.fields.from).toMatch(/after/);
    expect((await get("/api/v1/reports/annual?year=twenty")).status).toBe(400);
    expect((await get("/api/v1/dashboard/summary?from=2081-01-01&to=2081-01-02", "frontdesk")).status).toBe(403);
    expect((await fetch(`${app.url}/api/v1/dashboard/wallboard`)).status).toBe(401);
    const put = await fetch(`${app.url}/api/v1/dashboard/targets`, {
      method: "PUT",
      headers: { authorization: `Bearer ${keys.supervisor}`, "content-type": "application/json" },
      body: JSON.stringify({
        reachabilityPct: 101,
        serviceLevelPct: 80,
        serviceLevelSeconds: 25,
        complaintOnTimePct: 90,
        emailWithinSlaPct: 90,
      }),
    });
    expect(put.status).toBe(400);
    expect(Object.keys((await put.json()).error.fields).sort()).toEqual(["reachabilityPct", "serviceLevelSeconds"]);
  });
});
