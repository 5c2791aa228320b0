import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { createTestDesk, query } from "./helpers/appointments-fixtures";

/**
 * Spec 01 through HTTP against the production build: two app instances on one database (the race), and
 * bad input that must change nothing. Needs `node --import tsx scripts/start.ts --build-only` first.
 */
const PORTS = [41110 + Math.floor(Math.random() * 400), 41610 + Math.floor(Math.random() * 300)];
let servers: AppServer[] = [];
let desk: string;
let ip = 0;
// Each simulated applicant has its own address (per-IP limits are per applicant, not per test run).
// Many applicants behind one proxy: this test is the proxy (TRUSTED_PROXIES=loopback on the servers).
const headers = () => ({ "content-type": "application/json", "x-forwarded-for": `10.9.${Math.floor(++ip / 250)}.${ip % 250}` });
const body = (slotId: string, n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    slotId,
    product: "BIO",
    persons: Array.from({ length: n }, (_, i) => ({ name: `Aanvrager ${i + 1}` })),
    email: `http.${Math.random().toString(36).slice(2)}@example.com`,
    language: "nl",
    ...extra,
  });

beforeAll(async () => {
  servers = await Promise.all(
    PORTS.map((port) => startAppServer({ port, env: { APP_URL: `http://127.0.0.1:${port}`, TRUSTED_PROXIES: "loopback" } })),
  );
  desk = await createTestDesk({ places: 3 });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe("appointments over HTTP", () => {
  it("serves desks, products and cacheable slots in the API's shape", async () => {
    const [a] = servers;
    const products = await (await fetch(`${a.url}/api/v1/products`, { headers: headers() })).json();
    expect(products.find((p: { key: string }) => p.key === "BIO")).toMatchObject({
      key: "BIO",
      name: { nl: expect.any(String), en: expect.any(String) },
    });
    const desks = await (await fetch(`${a.url}/api/v1/desks?product=BIO`, { headers: headers() })).json();
    expect(desks.find((d: { code: string }) => d.code === desk)).toMatchObject({
      code: desk,
      timeZone: "Europe/Amsterdam",
      products: ["BIO", "DOC"],
    });
    const r = await fetch(`${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=2`, { headers: headers() });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("public, max-age=5");
    const slots = await r.json();
    expect(slots[0]).toMatchObject({
      id: expect.stringMatching(new RegExp(`^${desk}-\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$`)),
      desk,
      available: 3,
    });
    expect(slots[0].start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:00$/);
    const all = await (await fetch(`${a.url}/api/v1/slots?desk=ALL&product=BIO&persons=1`, { headers: headers() })).json();
    const starts = all.map((s: { start: string }) => Date.parse(s.start));
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
  });

  it("200 concurrent bookings for 10 slots of 3 places on two instances: exactly 30 booked, 170 slot_full", async () => {
    const slots: { id: string }[] = await (
      await fetch(`${servers[0].url}/api/v1/slots?desk=${desk}&product=BIO&persons=3&limit=40`, { headers: headers() })
    ).json();
    const ten = slots.slice(20, 30).map((s) => s.id);
    expect(ten).toHaveLength(10);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const server = servers[i % 2];
        const r = await fetch(`${server.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: body(ten[i % 10], 1) });
        return { status: r.status, json: await r.json() };
      }),
    );
    const created = results.filter((r) => r.status === 201);
    const full = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(30);
    expect(full).toHaveLength(170);
    expect(full.every((r) => r.json.error.code === "slot_full")).toBe(true);
    const rows = await query<{ id: string; places: number; taken: number; booked: number }>(
      `select s.id, s.places, s.taken, (select coalesce(sum(persons),0)::int from appointments a where a.slot_id = s.id and a.status = 'booked') as booked
       from appointment_slots s where s.id = any($1)`,
      [ten],
    );
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r).toMatchObject({ places: 3, taken: 3, booked: 3 });
  });

  it("an expired hold frees its places; a cancelled booking's places are bookable at once (other instance)", async () => {
    const [a, b] = servers;
    const slots: { id: string }[] = await (
      await fetch(`${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=3&limit=60`, { headers: headers() })
    ).json();
    const s = slots[45].id;
    const hold = await fetch(`${a.url}/api/v1/slots/${s}/hold`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ persons: 3 }),
    });
    expect(hold.status).toBe(201);
    const { holdId } = await hold.json();
    expect((await fetch(`${b.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: body(s, 1) })).status).toBe(409);
    await query(`update appointment_holds set expires_at = now() - interval '1 second' where id = $1`, [holdId]); // five minutes pass
    const booked = await fetch(`${b.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: body(s, 3) });
    expect(booked.status).toBe(201);
    const appt = await booked.json();
    expect(appt).toMatchObject({
      status: "booked",
      desk,
      product: "BIO",
      persons: [{ name: "Aanvrager 1" }, { name: "Aanvrager 2" }, { name: "Aanvrager 3" }],
    });
    expect(appt.manageUrl).toContain(`/afspraak/beheer/${appt.reference}?token=`);
    const token = new URL(appt.manageUrl).searchParams.get("token")!;

    const ics = await fetch(`${a.url}/api/v1/appointments/${appt.reference}/ics?token=${token}`, { headers: headers() });
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");

    const del = await fetch(`${a.url}/api/v1/appointments/${appt.reference}?token=${token}`, { method: "DELETE", headers: headers() });
    expect(del.status).toBe(200);
    expect((await del.json()).status).toBe("cancelled");
    expect((await fetch(`${b.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: body(s, 3) })).status).toBe(201);
  });

  it("reschedules through the manage link", async () => {
    const [a, b] = servers;
    const slots: { id: string }[] = await (
      await fetch(`${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=2&limit=80`, { headers: headers() })
    ).json();
    const appt = await (
      await fetch(`${a.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: body(slots[70].id, 2) })
    ).json();
    const token = new URL(appt.manageUrl).searchParams.get("token")!;
    const r = await fetch(`${b.url}/api/v1/appointments/${appt.reference}/reschedule?token=${token}`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ slotId: slots[71].id }),
    });
    expect(r.status).toBe(200);
    expect((await r.json()).slotId).toBe(slots[71].id);
    const rows = await query<{ id: string; taken: number }>(`select id, taken from appointment_slots where id = any($1) order by id`, [
      [slots[70].id, slots[71].id],
    ]);
    expect(rows.map((x) => x.taken)).toEqual([0, 2]);
  });

  it("bad input gets 400/404/422 naming the problem, and nothing changes", async () => {
    const [a] = servers;
    const slots: { id: string }[] = await (
      await fetch(`${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=1&limit=100`, { headers: headers() })
    ).json();
    const s = slots[90].id;
    const count = async () =>
      Number((await query<{ n: number }>(`select count(*)::int as n from appointments where desk_code = $1`, [desk]))[0].n);
    const before = await count();
    const post = (b: string) => fetch(`${a.url}/api/v1/appointments`, { method: "POST", headers: headers(), body: b });

    const seven = await post(body(s, 7));
    expect(seven.status).toBe(400);
    expect((await seven.json()).error.fields).toHaveProperty("persons");
    const mail = await post(body(s, 1, { email: "not-an-email" }));
    expect(mail.status).toBe(400);
    expect((await mail.json()).error.fields).toHaveProperty("email");
    const product = await post(body(s, 1, { product: "XYZ" }));
    expect(product.status).toBe(404);
    expect((await product.json()).error.message).toContain("XYZ");
    const unknownDesk = await post(body("QQQQ-2027-03-01T09:00", 1));
    expect(unknownDesk.status).toBe(404);
    expect((await unknownDesk.json()).error.message).toContain("QQQQ");
    const past = await post(body(`${desk}-2024-03-01T09:00`, 1));
    expect(past.status).toBe(422);
    expect((await past.json()).error.code).toBe("slot_in_past");
    expect((await fetch(`${a.url}/api/v1/slots?desk=NOPE&product=BIO`, { headers: headers() })).status).toBe(404);
    expect((await fetch(`${a.url}/api/v1/slots?desk=${desk}&product=BIO&persons=7`, { headers: headers() })).status).toBe(400);

    const ok = await (await post(body(s, 1))).json();
    const wrong = await fetch(`${a.url}/api/v1/appointments/${ok.reference}?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, {
      method: "DELETE",
      headers: headers(),
    });
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).error.fields).toHaveProperty("token");
    expect((await fetch(`${a.url}/api/v1/appointments/${ok.reference}`, { headers: headers() })).status).toBe(401);
    expect(await count()).toBe(before + 1);
    const [row] = await query<{ status: string; taken: number }>(
      `select a.status, s.taken from appointments a join appointment_slots s on s.id = a.slot_id where a.reference = $1`,
      [ok.reference],
    );
    expect(row).toEqual({ status: "booked", taken: 1 });
  });

  it("slot alerts: POST creates a pending alert and mails the opt-in; the GET links confirm and unsubscribe", async () => {
    const [a] = servers;
    const email = `alert.http.${Date.now()}@example.com`;
    const bad = await fetch(`${a.url}/api/v1/slot-alerts`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ email: "x", product: "BIO", persons: 9, before: "2099-01-01" }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["email", "persons"]);
    const r = await fetch(`${a.url}/api/v1/slot-alerts`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ email, product: "BIO", persons: 2, desks: [desk], before: "2099-01-01", language: "en" }),
    });
    expect(r.status).toBe(201);
    expect((await r.json()).status).toBe("pending");
    const [mail] = await query<{ text_body: string }>(
      `select text_body from outbound_emails where to_address = $1 and kind = 'appointment.alert-confirm'`,
      [email],
    );
    const confirm = new URL(/(http\S+\/confirm\?token=\S+)/.exec(mail.text_body)![1]);
    const unsubscribe = new URL(/(http\S+\/unsubscribe\?token=\S+)/.exec(mail.text_body)![1]);
    const c = await fetch(`${a.url}${confirm.pathname}${confirm.search}`, { redirect: "manual", headers: headers() });
    expect(c.status).toBe(303);
    expect(c.headers.get("location")).toContain("/afspraak/melding?result=confirmed");
    const u = await fetch(`${a.url}${unsubscribe.pathname}${unsubscribe.search}`, { redirect: "manual", headers: headers() });
    expect(u.headers.get("location")).toContain("result=unsubscribed");
    const [row] = await query<{ status: string }>(`select status from slot_alerts where email = $1`, [email]);
    expect(row.status).toBe("unsubscribed");
  });

  it("rate-limits bookings per IP (429 with Retry-After)", async () => {
    const [a] = servers;
    const fixed = { "content-type": "application/json", "x-forwarded-for": "10.250.250.250" };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await fetch(`${a.url}/api/v1/appointments`, { method: "POST", headers: fixed, body: "{}" })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
