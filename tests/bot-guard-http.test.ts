import crypto from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { createTestDesk, query } from "./helpers/appointments-fixtures";

/**
 * Issue 11 item 4 (bots cannot empty the calendar) through HTTP against the production build, on real
 * PostgreSQL: caps per email / phone / V-number and per client's holds, held under concurrency; the
 * proof-of-work challenge above the per-client and overall thresholds; single-use solutions; API keys exempt;
 * nothing changes below the threshold. Needs `node --import tsx scripts/start.ts --build-only` first.
 *
 * Each simulated client has its own address (X-Forwarded-For from 127.0.0.1, trusted by TRUSTED_PROXIES here).
 */
const PER_CLIENT = 6;
const PORTS = [42110 + Math.floor(Math.random() * 300), 42510 + Math.floor(Math.random() * 300)];
let capped: AppServer; // per-client threshold 6, caps 2 bookings / 2 holds
let overall: AppServer; // overall threshold 5
let desk: string;
let slots: string[] = [];
let nextSlot = 0;
let agentKey = "";
const run = crypto.randomBytes(3).toString("hex");
let ipN = 0;
const newIp = () => `10.44.${Math.floor(++ipN / 250)}.${ipN % 250}`;
const slot = () => slots[nextSlot++];

type Res = { status: number; body: any };
async function post(server: AppServer, path: string, body: unknown, headers: Record<string, string>): Promise<Res> {
  const r = await fetch(server.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}
const booking = (extra: Record<string, unknown> = {}) => ({
  slotId: slot(),
  product: "BIO",
  persons: [{ name: "Aanvrager" }],
  email: `cap.${crypto.randomBytes(4).toString("hex")}@example.com`,
  language: "nl",
  ...extra,
});
const complaint = () => ({
  name: "Klager",
  email: `k.${run}@example.org`,
  description: "Te lang gewacht op een beslissing",
  language: "nl",
});

/** What a browser does with a challenge: solve it and build the X-Altcha header. */
async function solve(challenge: Challenge): Promise<string> {
  const plain = { parameters: challenge.parameters, signature: challenge.signature };
  const solution = await solveChallenge({ challenge: plain, deriveKey });
  expect(solution).not.toBeNull();
  return Buffer.from(
    JSON.stringify({ challenge: plain, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } }),
  ).toString("base64");
}
const expectChallenge = (r: Res) => {
  expect(r.status, JSON.stringify(r.body)).toBe(429);
  expect(r.body.error).toMatchObject({
    code: "challenge_required",
    message: expect.any(String),
    challenge: { header: "X-Altcha", signature: expect.any(String) },
  });
  expect(r.body.error.challenge.parameters).toMatchObject({ algorithm: "SHA-256", nonce: expect.any(String), salt: expect.any(String) });
  return r.body.error.challenge as Challenge;
};
/** Uses up a client's free anonymous writes (holds on an unknown slot: 404, counted all the same). */
async function crossThreshold(ip: string) {
  for (let i = 0; i < PER_CLIENT; i++)
    expect((await post(capped, "/api/v1/slots/NOPE-2030-01-01T09:00/hold", { persons: 1 }, { "x-forwarded-for": ip })).status).toBe(404);
}

beforeAll(async () => {
  desk = await createTestDesk({ places: 6 });
  const base = {
    TRUSTED_PROXIES: "127.0.0.1/32",
    BOT_CHALLENGE_DIFFICULTY: "3000",
    APPOINTMENTS_MAX_FUTURE_BOOKINGS: "2",
    APPOINTMENTS_MAX_ACTIVE_HOLDS: "2",
  };
  [capped, overall] = await Promise.all([
    startAppServer({ port: PORTS[0], env: { ...base, BOT_CHALLENGE_PER_CLIENT: String(PER_CLIENT), BOT_CHALLENGE_OVERALL: "1000000" } }),
    startAppServer({ port: PORTS[1], env: { ...base, BOT_CHALLENGE_PER_CLIENT: "1000000", BOT_CHALLENGE_OVERALL: "5" } }),
  ]);
  const r = await fetch(`${capped.url}/api/v1/slots?desk=${desk}&product=BIO&persons=1&limit=200`, {
    headers: { "x-forwarded-for": newIp() },
  });
  slots = (await r.json()).map((s: { id: string }) => s.id);
  expect(slots.length).toBeGreaterThan(100);
  agentKey = `kic_test_bots_${run}_${crypto.randomBytes(8).toString("hex")}`;
  await query(`insert into api_keys (name, role, prefix, key_hash) values ($1, 'frontdesk', $2, $3)`, [
    `bots ${run}`,
    agentKey.slice(0, 8),
    crypto.createHash("sha256").update(agentKey).digest("hex"),
  ]);
});
afterAll(async () => {
  await Promise.all([capped?.stop(), overall?.stop()]);
});

describe("caps per applicant identity", () => {
  it("refuses the third future booking per product for one email (case and +tag alike), not another person's, not another product", async () => {
    const email = `Maria.${run}@Example.com`;
    for (const e of [email, `maria.${run}+second@example.com`])
      expect((await post(capped, "/api/v1/appointments", booking({ email: e }), { "x-forwarded-for": newIp() })).status).toBe(201);
    const third = await post(capped, "/api/v1/appointments", booking({ email: `maria.${run}@example.com` }), {
      "x-forwarded-for": newIp(),
    });
    expect(third.status).toBe(422);
    expect(third.body.error).toMatchObject({ code: "booking_cap_email", fields: { email: expect.any(String) } });
    expect((await post(capped, "/api/v1/appointments", booking(), { "x-forwarded-for": newIp() })).status).toBe(201);
    expect((await post(capped, "/api/v1/appointments", booking({ email, product: "DOC" }), { "x-forwarded-for": newIp() })).status).toBe(
      201,
    );
    // A refused booking took no place and wrote nothing.
    expect(
      await query(`select 1 from appointments where cap_email = $1 and product_key = 'BIO'`, [`maria.${run}@example.com`]),
    ).toHaveLength(2);
  });

  it("caps per V-number and per phone number (national and international form alike); a cancellation frees the cap", async () => {
    const v = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)).slice(0, 10);
    const withV = () => booking({ persons: [{ name: "Eerste" }, { name: "Tweede", vNumber: v }] });
    const first = await post(capped, "/api/v1/appointments", withV(), { "x-forwarded-for": newIp() });
    expect(first.status).toBe(201);
    expect((await post(capped, "/api/v1/appointments", withV(), { "x-forwarded-for": newIp() })).status).toBe(201);
    const third = await post(capped, "/api/v1/appointments", withV(), { "x-forwarded-for": newIp() });
    expect(third.status).toBe(422);
    expect(third.body.error).toMatchObject({ code: "booking_cap_v_number", fields: { "persons.1.vNumber": expect.any(String) } });
    // Cancel one (the manage link of the confirmation): the V-number may book again.
    const token = new URL(first.body.manageUrl).searchParams.get("token");
    const del = await fetch(`${capped.url}/api/v1/appointments/${first.body.reference}?token=${token}`, {
      method: "DELETE",
      headers: { "x-forwarded-for": newIp() },
    });
    expect(del.status).toBe(200);
    expect((await post(capped, "/api/v1/appointments", withV(), { "x-forwarded-for": newIp() })).status).toBe(201);

    const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
    for (const phone of [`+31 6 ${digits}`, `06-${digits}`])
      expect((await post(capped, "/api/v1/appointments", booking({ phone }), { "x-forwarded-for": newIp() })).status).toBe(201);
    const byPhone = await post(capped, "/api/v1/appointments", booking({ phone: `0031 6${digits}` }), { "x-forwarded-for": newIp() });
    expect(byPhone.body.error).toMatchObject({ code: "booking_cap_phone", fields: { phone: expect.any(String) } });
  });

  it("concurrent bookings for one email cannot exceed the cap", async () => {
    const email = `race.${run}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => post(capped, "/api/v1/appointments", booking({ email }), { "x-forwarded-for": newIp() })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 422 && r.body.error.code === "booking_cap_email")).toHaveLength(10);
    expect(await query(`select 1 from appointments where cap_email = $1 and status = 'booked'`, [email])).toHaveLength(2);
  });

  it("an agent (API key) books for a caller past the applicant caps", async () => {
    const email = `family.${run}@example.com`;
    for (let i = 0; i < 2; i++)
      expect((await post(capped, "/api/v1/appointments", booking({ email }), { "x-forwarded-for": newIp() })).status).toBe(201);
    const agent = await post(capped, "/api/v1/appointments", booking({ email }), {
      authorization: `Bearer ${agentKey}`,
      "x-forwarded-for": newIp(),
    });
    expect(agent.status, JSON.stringify(agent.body)).toBe(201);
  });

  it("at most 2 live holds per client address; giving back the previous hold (`replaces`) makes room", async () => {
    const ip = newIp();
    const h1 = await post(capped, `/api/v1/slots/${slot()}/hold`, { persons: 1 }, { "x-forwarded-for": ip });
    const h2 = await post(capped, `/api/v1/slots/${slot()}/hold`, { persons: 1 }, { "x-forwarded-for": ip });
    expect([h1.status, h2.status]).toEqual([201, 201]);
    const s3 = slot();
    const h3 = await post(capped, `/api/v1/slots/${s3}/hold`, { persons: 1 }, { "x-forwarded-for": ip });
    expect(h3.status).toBe(422);
    expect(h3.body.error.code).toBe("hold_cap");
    const taken = async (id: string) =>
      (await query<{ taken: number }>(`select taken from appointment_slots where id = $1`, [id]))[0]?.taken ?? 0;
    expect(await taken(s3)).toBe(0);
    const h4 = await post(capped, `/api/v1/slots/${s3}/hold`, { persons: 1, replaces: h1.body.holdId }, { "x-forwarded-for": ip });
    expect(h4.status).toBe(201);
    expect(await taken(h1.body.slotId)).toBe(0); // the replaced hold's place is free again
    // Another client is not affected by this one's holds.
    expect((await post(capped, `/api/v1/slots/${slot()}/hold`, { persons: 1 }, { "x-forwarded-for": newIp() })).status).toBe(201);
  });
});

describe("proof-of-work challenge above the threshold", () => {
  it("below the threshold nothing changes: hold, booking with the hold and complaint answer as before", async () => {
    const ip = newIp();
    const hold = await post(capped, `/api/v1/slots/${slot()}/hold`, { persons: 1 }, { "x-forwarded-for": ip });
    expect(hold.status).toBe(201);
    expect(hold.body).toEqual({ holdId: expect.any(String), slotId: expect.any(String), persons: 1, expiresAt: expect.any(String) });
    const book = await post(
      capped,
      "/api/v1/appointments",
      { ...booking(), slotId: hold.body.slotId, holdId: hold.body.holdId },
      { "x-forwarded-for": ip },
    );
    expect(book.status).toBe(201);
    expect(book.body).toMatchObject({
      reference: expect.any(String),
      status: "booked",
      manageUrl: expect.any(String),
      icsUrl: expect.any(String),
    });
    const c = await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ reference: expect.any(String), deadline: expect.any(String) });
  });

  it("above the per-client threshold a hold, a booking and a complaint get 429 challenge_required; a solved challenge passes once", async () => {
    const ip = newIp();
    await crossThreshold(ip);
    const s = slot();
    const holdChallenge = expectChallenge(await post(capped, `/api/v1/slots/${s}/hold`, { persons: 1 }, { "x-forwarded-for": ip }));
    expectChallenge(await post(capped, "/api/v1/appointments", booking(), { "x-forwarded-for": ip }));
    expectChallenge(await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip }));
    expect(await query(`select 1 from appointment_slots where id = $1 and taken > 0`, [s])).toHaveLength(0);

    const answer = await solve(holdChallenge);
    const hold = await post(capped, `/api/v1/slots/${s}/hold`, { persons: 1 }, { "x-forwarded-for": ip, "X-Altcha": answer });
    expect(hold.status, JSON.stringify(hold.body)).toBe(201);
    // The same solution again: refused, with a fresh challenge.
    const replay = await post(
      capped,
      "/api/v1/appointments",
      { ...booking(), slotId: s, holdId: hold.body.holdId },
      { "x-forwarded-for": ip, "X-Altcha": answer },
    );
    const fresh = expectChallenge(replay);
    expect(replay.body.error.message).toMatch(/used already/);
    expect(fresh.signature).not.toBe(holdChallenge.signature);
    const book = await post(
      capped,
      "/api/v1/appointments",
      { ...booking(), slotId: s, holdId: hold.body.holdId },
      { "x-forwarded-for": ip, "X-Altcha": await solve(fresh) },
    );
    expect(book.status, JSON.stringify(book.body)).toBe(201);
    const complaintChallenge = expectChallenge(await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip }));
    expect(
      (await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip, "X-Altcha": await solve(complaintChallenge) }))
        .status,
    ).toBe(201);
  });

  it("a forged or tampered solution is refused", async () => {
    const ip = newIp();
    await crossThreshold(ip);
    const challenge = expectChallenge(await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip }));
    const good = JSON.parse(Buffer.from(await solve(challenge), "base64").toString());
    const wrongKey = { ...good, solution: { ...good.solution, derivedKey: "00".repeat(32) } };
    const easier = { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, keyPrefix: "00" } } };
    for (const bad of [wrongKey, easier, "not base64 json"]) {
      const header = typeof bad === "string" ? bad : Buffer.from(JSON.stringify(bad)).toString("base64");
      expectChallenge(await post(capped, "/api/v1/complaints", complaint(), { "x-forwarded-for": ip, "X-Altcha": header }));
    }
  });

  it("API-key requests are exempt above the threshold", async () => {
    const ip = newIp();
    await crossThreshold(ip);
    expectChallenge(await post(capped, "/api/v1/appointments", booking(), { "x-forwarded-for": ip }));
    const agent = await post(capped, "/api/v1/appointments", booking(), { "x-forwarded-for": ip, authorization: `Bearer ${agentKey}` });
    expect(agent.status, JSON.stringify(agent.body)).toBe(201);
    const hold = await post(
      capped,
      `/api/v1/slots/${slot()}/hold`,
      { persons: 1 },
      { "x-forwarded-for": ip, authorization: `Bearer ${agentKey}` },
    );
    expect(hold.status).toBe(201);
  });

  it("above the overall threshold every client is challenged, even one that has sent nothing yet", async () => {
    let challenged: Res | undefined;
    for (let i = 0; i < 8 && !challenged; i++) {
      const r = await post(overall, "/api/v1/complaints", complaint(), { "x-forwarded-for": newIp() });
      if (r.status === 429) challenged = r;
      else expect(r.status).toBe(201);
    }
    expect(challenged, "no challenge within 8 anonymous writes from 8 clients").toBeDefined();
    const challenge = expectChallenge(challenged!);
    expect(
      (await post(overall, "/api/v1/complaints", complaint(), { "x-forwarded-for": newIp(), "X-Altcha": await solve(challenge) })).status,
    ).toBe(201);
  });
});
