import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// next-auth does not load outside Next; the webhook is public and never asks for a session.
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

// The webhook's contract (spec 03), over real HTTP through the handler the route serves
// (pages/api/v1/cti/[token].ts → lib/calls/cti-http.ts): token, bodies, events, causes, order.
const TOKEN = "test-cti-token-" + crypto.randomBytes(6).toString("hex");
process.env.CTI_TOKEN = TOKEN;

let server: http.Server;
let base: string;
let db: typeof import("@/db/client").db;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  const { ctiWebhook } = await import("@/lib/calls/cti-http");
  ({ db, closeDb } = await import("@/db/client"));
  server = http.createServer((req, res) => void ctiWebhook(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
});

const uid = () => crypto.randomBytes(6).toString("hex");

async function send(body: Record<string, unknown> | string, opts: { token?: string; form?: boolean } = {}) {
  const isForm = opts.form ?? typeof body === "string";
  const payload =
    typeof body === "string" ? body : isForm ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
  const res = await fetch(`${base}/api/v1/cti/${opts.token ?? TOKEN}`, {
    method: "POST",
    headers: { "content-type": isForm ? "application/x-www-form-urlencoded" : "application/json" },
    body: payload,
  });
  return { status: res.status, json: await res.json() };
}

async function callOf(callId: string) {
  const { rows } = await db.execute<Record<string, unknown>>(
    sql`select direction, from_number, to_number, queue, result, hangup_cause, answered_at, ended_at, agent_label, agent_id, talk_seconds, wait_seconds
        from calls where source = 'cti' and external_id = ${callId}`,
  );
  return rows;
}

describe("POST /api/v1/cti/{token}", () => {
  it("takes newCall, answer and hangup as JSON and gives one answered call, matched to the agent by extension", async () => {
    const id = uid();
    const ext = String(7000 + Math.floor(Math.random() * 2000)) + uid().slice(0, 3);
    await db.execute(
      sql`insert into users (email, name, password_hash, role, extension) values (${`cti-${id}@kic.example`}, ${"Agent " + id}, 'x', 'frontdesk', ${ext})`,
    );
    expect(await send({ event: "newCall", direction: "in", from: "0612345678", to: "0900 1234561", callId: id, user: [ext] })).toEqual({
      status: 200,
      json: {},
    });
    expect((await send({ event: "answer", direction: "in", callId: id, answeringNumber: ext })).status).toBe(200);
    expect((await send({ event: "hangup", direction: "in", callId: id, cause: "normalClearing", answeringNumber: ext })).status).toBe(200);
    const rows = await callOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ direction: "in", from_number: "0612345678", queue: "frontdesk", result: "answered", agent_label: ext });
    expect(rows[0].agent_id).toBeTruthy();
    const { rows: events } = await db.execute(sql`select event from cti_events where call_external_id = ${id} order by id`);
    expect(events.map((e) => e.event)).toEqual(["newCall", "answer", "hangup"]);
  });

  it("takes form-encoded bodies with call_id and repeated user fields", async () => {
    const id = uid();
    expect((await send(`event=newCall&direction=out&from=201&to=%2B31612345678&call_id=${id}&user[]=Fatima&user[]=Bram`)).status).toBe(200);
    expect((await send(`event=hangup&direction=out&call_id=${id}&cause=busy`)).status).toBe(200);
    const rows = await callOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ direction: "out", to_number: "+31612345678", result: "busy", hangup_cause: "busy" });
  });

  it("maps each hang-up cause to a result", async () => {
    const cases: [string, boolean, string][] = [
      ["normalClearing", true, "answered"],
      ["normalClearing", false, "abandoned"],
      ["cancel", false, "abandoned"],
      ["busy", false, "busy"],
      ["noAnswer", false, "no_answer"],
      ["congestion", false, "failed"],
      ["notFound", false, "failed"],
      ["forwarded", true, "transferred"],
    ];
    for (const [cause, answered, result] of cases) {
      const id = uid();
      await send({ event: "newCall", direction: "in", from: "0201234567", to: "09001234561", callId: id });
      if (answered) await send({ event: "answer", direction: "in", callId: id, answeringNumber: "999" });
      await send({ event: "hangup", direction: "in", callId: id, cause });
      expect((await callOf(id))[0]?.result, cause).toBe(result);
    }
  });

  it("is idempotent per callId: repeats change nothing", async () => {
    const id = uid();
    const events = [
      { event: "newCall", direction: "in", from: "0611111111", to: "09001234561", callId: id },
      { event: "answer", direction: "in", callId: id, answeringNumber: "555" },
      { event: "hangup", direction: "in", callId: id, cause: "normalClearing" },
    ];
    for (const e of events) await send(e);
    const before = await callOf(id);
    const { rows: u1 } = await db.execute(sql`select updated_at from calls where source='cti' and external_id = ${id}`);
    for (const e of events) expect((await send(e)).status).toBe(200);
    expect(await callOf(id)).toEqual(before);
    const { rows: u2 } = await db.execute(sql`select updated_at from calls where source='cti' and external_id = ${id}`);
    expect(u2).toEqual(u1);
  });

  it("out of order: answer and hangup before newCall still give one correct call; answer after hangup is ignored", async () => {
    const id = uid();
    await send({ event: "answer", direction: "in", callId: id, answeringNumber: "201x" });
    await send({ event: "hangup", direction: "in", callId: id, cause: "normalClearing" });
    await send({ event: "newCall", direction: "in", from: "0622222222", to: "09001234561", callId: id });
    const rows = await callOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ result: "answered", from_number: "0622222222", queue: "frontdesk", agent_label: "201x" });

    const late = uid();
    await send({ event: "newCall", direction: "in", from: "0633333333", to: "09001234561", callId: late });
    await send({ event: "hangup", direction: "in", callId: late, cause: "cancel" });
    await send({ event: "answer", direction: "in", callId: late, answeringNumber: "201" });
    expect((await callOf(late))[0]).toMatchObject({ result: "abandoned", answered_at: null, talk_seconds: null });
  });

  it("concurrent events of one call still merge into one row", async () => {
    const id = uid();
    const all = await Promise.all([
      send({ event: "newCall", direction: "in", from: "0644444444", to: "09001234561", callId: id }),
      send({ event: "answer", direction: "in", callId: id, answeringNumber: "201" }),
      send({ event: "newCall", direction: "in", from: "0644444444", to: "09001234561", callId: id }),
    ]);
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = await callOf(id);
    expect(rows).toHaveLength(1);
    // Whatever the order, the answer is in the row, and so is the newCall's caller.
    expect(rows[0]).toMatchObject({ from_number: "0644444444", agent_label: "201", queue: "frontdesk", ended_at: null });
    expect(rows[0].answered_at).not.toBeNull();
    const { rows: kept } = await db.execute(sql`select count(*)::int as n from cti_events where call_external_id = ${id}`);
    expect(kept[0].n).toBe(3);
  });

  it("many calls' events at once, shuffled and repeated: each call is the merge of its events in the order they were written", async () => {
    const { mergeCtiEvent, parseCtiPayload } = await import("@/lib/calls/cti");
    const ids = Array.from({ length: 25 }, () => uid());
    const events = ids.flatMap((id, i) => {
      const newCall = {
        event: "newCall",
        direction: "in",
        from: `0655${String(i).padStart(6, "0")}`,
        to: "09001234561",
        callId: id,
        user: ["201"],
      };
      const hangup = { event: "hangup", direction: "in", callId: id, cause: "normalClearing" };
      return [newCall, newCall, { event: "answer", direction: "in", callId: id, answeringNumber: "201" }, hangup, hangup];
    });
    for (let i = events.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [events[i], events[j]] = [events[j], events[i]];
    }
    const statuses = await Promise.all(events.map((e) => send(e).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);

    for (const id of ids) {
      const { rows: kept } = await db.execute<{ event: string; payload: Record<string, unknown>; received_at: string; call_id: number }>(
        sql`select event, payload, received_at, call_id from cti_events where call_external_id = ${id} order by id`,
      );
      expect(kept).toHaveLength(5); // every event kept once, none lost, none doubled
      const [call] = await callOf(id);
      expect(await callOf(id)).toHaveLength(1);
      let merged = null;
      for (const k of kept) merged = mergeCtiEvent(merged, parseCtiPayload(k.payload), new Date(k.received_at)).state;
      if (!merged) throw new Error("no events kept");
      const state = merged;
      const t = (v: unknown) => (v === null ? null : new Date(v as string).getTime());
      expect({
        answered: t(call.answered_at),
        ended: t(call.ended_at),
        result: call.result,
        wait: call.wait_seconds,
        talk: call.talk_seconds,
        from: call.from_number,
      }).toEqual({
        answered: t(state.answeredAt),
        ended: t(state.endedAt),
        result: state.result,
        wait: state.waitSeconds,
        talk: state.talkSeconds,
        from: state.fromNumber,
      });
      expect(call.ended_at).not.toBeNull();
    }
  });

  it("an event merges into the row as it is now, not as this instance last wrote it (another instance wrote between)", async () => {
    const id = uid();
    await send({ event: "newCall", direction: "in", from: "0633333333", to: "09001234561", callId: id });
    // Another instance takes the hang-up: this instance's memory of the call is now stale.
    await db.execute(sql`update calls set ended_at = now(), hangup_cause = 'cancel', result = 'abandoned', wait_seconds = 0
      where source = 'cti' and external_id = ${id}`);
    expect((await send({ event: "answer", direction: "in", callId: id, answeringNumber: "201" })).status).toBe(200);
    expect(await callOf(id)).toMatchObject([{ result: "abandoned", answered_at: null, hangup_cause: "cancel" }]);
    expect((await send({ event: "newCall", direction: "in", from: "0633333333", to: "09001234561", callId: id })).status).toBe(200);
    const { rows } = await db.execute(sql`select count(*)::int as n from cti_events where call_external_id = ${id}`);
    expect(rows[0].n).toBe(3);

    // A repeat is checked against the row as it is now too: another instance took a newCall naming another
    // caller; this instance's memory says the repeat changes nothing, the row says it does (newCall names
    // the caller, the last one wins).
    const id2 = uid();
    await send({ event: "newCall", direction: "in", from: "0633333334", to: "09001234561", callId: id2 });
    await db.execute(sql`update calls set from_number = '0633333335' where source = 'cti' and external_id = ${id2}`);
    expect((await send({ event: "newCall", direction: "in", from: "0633333334", to: "09001234561", callId: id2 })).status).toBe(200);
    expect(await callOf(id2)).toMatchObject([{ from_number: "0633333334" }]);
  });

  it("links the caller to the customer with that number, however it was written", async () => {
    const id = uid();
    const digits = String(10000000 + Math.floor(Math.random() * 89999999));
    const { rows } = await db.execute<{ id: string }>(
      sql`insert into customers (name, phone) values (${"Klant " + id}, ${`+31 6 ${digits.slice(0, 4)} ${digits.slice(4)}`}) returning id`,
    );
    await send({ event: "newCall", direction: "in", from: `06${digits}`, to: "09001234561", callId: id });
    const { rows: call } = await db.execute(sql`select customer_id from calls where source = 'cti' and external_id = ${id}`);
    expect(call[0].customer_id).toBe(rows[0].id);
  });

  it("401 for a wrong token; 422 naming a bad event or direction; nothing written", async () => {
    const id = uid();
    const wrong = await send({ event: "newCall", direction: "in", callId: id }, { token: TOKEN + "x" });
    expect(wrong.status).toBe(401);
    expect((await send({ event: "newCall", direction: "in", callId: id }, { token: "%E0%A4%A" })).status).toBe(401);
    const badEvent = await send({ event: "ringing", direction: "in", callId: id });
    expect(badEvent.status).toBe(422);
    expect(badEvent.json.error.message).toMatch(/ringing/);
    expect(badEvent.json.error.fields).toHaveProperty("event");
    const badDirection = await send({ event: "newCall", direction: "sideways", callId: id });
    expect(badDirection.status).toBe(422);
    expect(badDirection.json.error.fields).toHaveProperty("direction");
    expect(await callOf(id)).toEqual([]);
  });

  it("refuses what is not a CTI event: another method, a body that is not JSON, one over 64 kB", async () => {
    const get = await fetch(`${base}/api/v1/cti/${TOKEN}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const broken = await send('{"event": "newCall", ', { form: false });
    expect(broken.status).toBe(400);
    expect(broken.json.error.fields).toHaveProperty("body");
    const id = uid();
    const huge = await send({ event: "newCall", direction: "in", callId: id, from: "0612345678", padding: "x".repeat(70_000) });
    expect(huge.status).toBe(413);
    // Far over the limit: still a 413 the sender can read, not a reset connection.
    for (let i = 0; i < 5; i++) {
      const r = await send({ event: "newCall", direction: "in", callId: id, from: "0612345678", padding: "x".repeat(2_000_000) });
      expect(r.status).toBe(413);
    }
    expect(await callOf(id)).toEqual([]);
  });
});
