import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

let svc: typeof import("@/lib/calls/service");
let history: typeof import("@/lib/calls/history");
let db: typeof import("@/db/client").db;
let closeDb: () => Promise<void>;
type Actor = import("@/lib/auth/roles").Actor;

async function user(role: "frontdesk" | "backoffice" | "desk", extension: string | null = null): Promise<Actor> {
  const id = crypto.randomBytes(5).toString("hex");
  const { rows } = await db.execute<{ id: string }>(
    sql`insert into users (email, name, password_hash, role, extension) values (${`svc-${id}@kic.example`}, ${"Agent " + id}, 'x', ${role}, ${extension}) returning id`,
  );
  return { kind: "user", id: rows[0].id, name: "Agent " + id, email: `svc-${id}@kic.example`, role, deskCodes: [] };
}
const num = () => `06${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

beforeAll(async () => {
  svc = await import("@/lib/calls/service");
  history = await import("@/lib/calls/history");
  ({ db, closeDb } = await import("@/db/client"));
});
afterAll(async () => closeDb());

describe("call services", () => {
  it("logs a call by hand, links the customer by phone, and shows it in their history", async () => {
    const agent = await user("frontdesk");
    const phone = num();
    const { rows } = await db.execute<{ id: string }>(
      sql`insert into customers (name, phone) values ('Hist Klant', ${phone}) returning id`,
    );
    const call = await svc.logCall(agent, {
      direction: "out",
      toNumber: phone,
      result: "answered",
      talkMinutes: 4,
      topic: "documents",
      notes: "Praten werkt",
    });
    expect(call).toMatchObject({
      source: "manual",
      direction: "out",
      customerId: rows[0].id,
      talkSeconds: 240,
      topic: "documents",
      agentId: agent.id,
    });
    const h = await history.callHistory(rows[0].id, agent);
    expect(h[0]).toMatchObject({ type: "call", id: String(call.id), status: "answered", href: `/agent/calls/${call.id}` });
  });

  it("refuses a topic that is not on the list, naming the field", async () => {
    const agent = await user("frontdesk");
    await expect(svc.logCall(agent, { direction: "out", toNumber: num(), result: "answered", topic: "weather" })).rejects.toMatchObject({
      status: 422,
      fields: { topic: expect.any(String) },
    });
  });

  it("a missed call is called back once; a second call-back is a 409", async () => {
    const a = await user("frontdesk");
    const b = await user("backoffice");
    const from = num();
    const { rows } = await db.execute<{
      id: number;
    }>(sql`insert into calls (source, queue, direction, from_number, offered_at, ended_at, wait_seconds, result)
      values ('manual', 'frontdesk', 'in', ${from}, now() - interval '10 minutes', now() - interval '9 minutes', 60, 'abandoned') returning id`);
    const missedBefore = await svc.listCalls(a, { result: "missed", limit: 500, offset: 0 });
    expect(missedBefore.calls.some((c) => c.id === rows[0].id)).toBe(true);
    const [r1, r2] = await Promise.allSettled([
      svc.callBack(a, rows[0].id, { outcome: "reached" }),
      svc.callBack(b, rows[0].id, { outcome: "voicemail" }),
    ]);
    const ok = [r1, r2].filter((r) => r.status === "fulfilled");
    const failed = [r1, r2].filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ status: 409, code: "already_called_back" });
    const cb = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof svc.callBack>>>).value;
    expect(cb).toMatchObject({ direction: "out", toNumber: from, source: "manual" });
    const missedAfter = await svc.listCalls(a, { result: "missed", limit: 500, offset: 0 });
    expect(missedAfter.calls.some((c) => c.id === rows[0].id)).toBe(false);
  });

  it("frontdesk sees its own queue only; backoffice all; desk staff nothing", async () => {
    const fd = await user("frontdesk");
    const bo = await user("backoffice");
    const desk = await user("desk");
    const { rows } = await db.execute<{ id: number }>(sql`insert into calls (source, queue, direction, from_number, offered_at, result)
      values ('manual', 'partners', 'in', ${num()}, now(), 'answered') returning id`);
    await expect(svc.getCall(fd, rows[0].id)).rejects.toMatchObject({ status: 404 });
    expect((await svc.getCall(bo, rows[0].id)).queue).toBe("partners");
    await expect(svc.listCalls(desk, { limit: 10, offset: 0 })).rejects.toMatchObject({ status: 403 });
  });

  it("filters the list by queue, result, topic, agent and date", async () => {
    const bo = await user("backoffice");
    const c = await svc.logCall(bo, {
      direction: "in",
      fromNumber: num(),
      queue: "backoffice",
      result: "answered",
      topic: "naturalisation",
    });
    const today = new Date().toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" }).slice(0, 10);
    const hit = await svc.listCalls(bo, {
      queue: "backoffice",
      result: "answered",
      topic: "naturalisation",
      agent: "me",
      from: today,
      to: today,
      limit: 50,
      offset: 0,
    });
    expect(hit.calls.map((x) => x.id)).toContain(c.id);
    const miss = await svc.listCalls(bo, { queue: "partners", agent: "me", limit: 50, offset: 0 });
    expect(miss.calls.map((x) => x.id)).not.toContain(c.id);
    const past = await svc.listCalls(bo, { agent: "me", to: "2020-01-01", limit: 50, offset: 0 });
    expect(past.total).toBe(0);
  });

  it("the live calls of an agent: ringing at their extension, then answered by them", async () => {
    const ext = String(Math.floor(Math.random() * 1e6)) + "9";
    const agent = await user("frontdesk", ext);
    const { parseCtiPayload } = await import("@/lib/calls/cti");
    const { applyCtiEvent } = await import("@/lib/calls/cti-ingest");
    const callId = crypto.randomBytes(6).toString("hex");
    const from = num();
    const raw = { event: "newCall", direction: "in", from, to: "09001234561", callId, user: [ext] };
    await applyCtiEvent(parseCtiPayload(raw), raw);
    let live = await svc.liveCalls(agent);
    expect(live.calls.map((c) => c.call.fromNumber)).toEqual([from]);
    expect(live.calls[0].customers).toEqual([]);
    const ans = { event: "answer", direction: "in", callId, answeringNumber: ext };
    await applyCtiEvent(parseCtiPayload(ans), ans);
    live = await svc.liveCalls(agent);
    expect(live.calls[0].call).toMatchObject({ agentId: agent.id, fromNumber: from, endedAt: null });
    const other = await user("frontdesk", ext + "1");
    expect((await svc.liveCalls(other)).calls).toEqual([]);
  });
});

describe("a ticket from a call", () => {
  it("creates a phone ticket linked to the call and the caller", async () => {
    const agent = await user("frontdesk");
    const phone = num();
    const { rows } = await db.execute<{ id: string }>(
      sql`insert into customers (name, phone) values ('Ticket Klant', ${phone}) returning id`,
    );
    const call = await svc.logCall(agent, {
      direction: "in",
      fromNumber: phone,
      queue: "frontdesk",
      result: "answered",
      topic: "documents",
      notes: "Mist een brief",
    });
    const r = await svc.createTicketFromCall(agent, call.id, { subject: "Telefoongesprek: documenten", body: "" });
    expect(r.ticket).toBeGreaterThan(0);
    expect(r.call.ticketId).toBe(r.ticket);
    const { rows: t } = await db.execute(sql`select channel, customer_id, call_id, queue from tickets where number = ${r.ticket}`);
    expect(t[0]).toMatchObject({ channel: "phone", customer_id: rows[0].id, call_id: call.id, queue: "frontdesk" });
  });
});
