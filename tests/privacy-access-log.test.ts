import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// No pg-boss here (waking the workers is best effort), no next-auth session: services get their actor directly.
vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next/navigation", () => ({ redirect: () => undefined, forbidden: () => undefined }));

import { closeDb, db } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { getCall, listCalls, logCall } from "@/lib/calls/service";
import { acknowledgeComplaint, getComplaint, getLetter, listComplaints, registerComplaint, todayNl } from "@/lib/complaints/service";
import { ingestEmail } from "@/lib/tickets/intake";
import { attachmentFor, getTicket, listTickets, rawSourceFor } from "@/lib/tickets/service";

/**
 * The access log (item 11, lib/privacy/audit.ts): each read of personal data by an agent writes one event row
 * (one per request, also for lists), and that row holds none of the personal data it was about.
 */

// Letters outside a-f, so no uuid or hex digest in a log row can contain the token by chance.
const tok = Array.from(crypto.randomBytes(8), (b) => "ghijklmnopqrstuvwxyz"[b % 20]).join("");
const person = {
  name: `Jansen ${tok}`,
  email: `p.${tok}@example.org`,
  phone: `06${String(crypto.randomInt(1e7, 1e8))}`,
  notes: `Belde over verblijfsvergunning ${tok}`,
  address: `Kerkstraat 1 ${tok}, Utrecht`,
};
const PERSONAL = [tok, person.email, person.phone, person.name];

async function agent(role: "backoffice" | "complaints"): Promise<Actor> {
  const id = crypto.randomBytes(5).toString("hex");
  const { rows } = await db.execute<{ id: string }>(
    sql`insert into users (email, name, password_hash, role) values (${`log-${id}@kic.example`}, ${"Agent " + id}, 'x', ${role}) returning id`,
  );
  return { kind: "user", id: rows[0].id, name: "Agent " + id, email: `log-${id}@kic.example`, role, deskCodes: [] };
}

type Row = { id: number; entity_type: string; entity_id: string; action: string; data: Record<string, unknown>; raw: string };
/** The read rows this actor wrote after `mark`. */
async function readsOf(actor: Actor, mark: number): Promise<Row[]> {
  const { rows } = await db.execute<Row>(sql`select id, entity_type, entity_id, action, data, data::text || ' ' || entity_id as raw
    from events where actor_id = ${actor.id} and action = 'read' and id > ${mark} order by id`);
  return rows;
}
async function mark(): Promise<number> {
  const { rows } = await db.execute<{ m: number }>(sql`select coalesce(max(id), 0)::bigint as m from events`);
  return Number(rows[0].m);
}
function expectNoPersonalData(rows: Row[]) {
  for (const r of rows) for (const p of PERSONAL) expect(r.raw.toLowerCase(), `${r.entity_type} row`).not.toContain(p.toLowerCase());
}

const mime = (subject: string) =>
  Buffer.from(
    [
      `From: ${person.name} <${person.email}>`,
      "To: kic@ind.example",
      `Subject: ${subject}`,
      `Message-ID: <${crypto.randomBytes(6).toString("hex")}@example.org>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      `Mijn telefoonnummer is ${person.phone}.`,
      "--b1",
      'Content-Type: application/pdf; name="paspoort.pdf"',
      'Content-Disposition: attachment; filename="paspoort.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(`PDF ${tok}`).toString("base64"),
      "--b1--",
      "",
    ].join("\r\n"),
  );

let customerId = "";
let callId = 0;
let ticketNumber = 0;
let complaintRef = "";

beforeAll(async () => {
  const { rows } = await db.execute<{ id: string }>(
    sql`insert into customers (name, email, phone) values (${person.name}, ${person.email}, ${person.phone}) returning id`,
  );
  customerId = rows[0].id;
  const logger = await agent("backoffice");
  callId = (
    await logCall(logger, {
      direction: "in",
      queue: "backoffice",
      fromNumber: person.phone,
      result: "answered",
      notes: person.notes,
      customerId,
    })
  ).id;
  ticketNumber = (await ingestEmail(mime(`Vraag ${tok}`), { to: ["kic@ind.example"] })).ticketNumber!;
  const handler = await agent("complaints");
  complaintRef = (
    await registerComplaint(handler, {
      name: person.name,
      address: person.address,
      phone: person.phone,
      description: `Lang wachten ${tok}`,
      channel: "letter",
      receivedOn: todayNl(),
      language: "nl",
      subject: "processing_time",
      email: null,
      vNumber: null,
      happenedWhen: null,
      personConcerned: null,
      customerId,
      resolvedAtOnce: false,
      resolution: null,
    })
  ).reference;
  await acknowledgeComplaint(handler, complaintRef, { sentOn: todayNl() });
});
afterAll(async () => closeDb());

describe("the access log", () => {
  it("a call list writes one row naming the calls and the person, and a call detail one row naming the call", async () => {
    const a = await agent("backoffice");
    const m = await mark();
    const list = await listCalls(a, { customer: customerId, limit: 50, offset: 0 });
    expect(list.calls.map((c) => c.id)).toEqual([callId]);
    await getCall(a, callId);
    const rows = await readsOf(a, m);
    expect(rows.map((r) => [r.entity_type, r.data.purpose])).toEqual([
      ["call", "call_list"],
      ["call", "call_view"],
    ]);
    expect(rows[0].entity_id).toMatch(/^list:[0-9a-f]{16}$/);
    expect(rows[0].data).toMatchObject({
      ids: [callId],
      count: 1,
      customers: [customerId],
      filters: { customer: customerId, limit: 50, offset: 0 },
    });
    expect(rows[1]).toMatchObject({ entity_id: String(callId), data: { customers: [customerId] } });
    expectNoPersonalData(rows);
  });

  it("a ticket search writes one row with the hits and a digest of the term, never the term", async () => {
    const a = await agent("backoffice");
    const m = await mark();
    const found = await listTickets(a, { q: person.email, status: "all", sort: "due", limit: 50, offset: 0, overdue: false });
    expect(found.items.map((i) => i.number)).toEqual([ticketNumber]);
    const rows = await readsOf(a, m);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_type: "ticket", data: { purpose: "inbox", ids: [ticketNumber], customers: [customerId] } });
    expect(rows[0].data.search).toMatch(/^[0-9a-f]{32}$/);
    expectNoPersonalData(rows);
  });

  it("an attachment download and the raw source each write a row", async () => {
    const a = await agent("backoffice");
    const t = await getTicket(a, ticketNumber);
    const inbound = t.messages.find((x) => x.direction === "in")!;
    const m = await mark();
    const att = await attachmentFor(a, ticketNumber, inbound.attachments[0].id);
    expect(Buffer.from(att.content).toString()).toBe(`PDF ${tok}`);
    const raw = await rawSourceFor(a, ticketNumber, inbound.id);
    expect(Buffer.from(raw).toString()).toContain(person.email);
    const rows = await readsOf(a, m);
    expect(rows.map((r) => [r.entity_type, r.entity_id, r.data.purpose])).toEqual([
      ["ticket_attachment", inbound.attachments[0].id, "download"],
      ["ticket_raw_source", inbound.id, "raw_source"],
    ]);
    expectNoPersonalData(rows);
  });

  it("a printed letter and the complaint list each write a row", async () => {
    const a = await agent("complaints");
    const file = await getComplaint(a, complaintRef);
    const letter = file.letters.find((l) => l.kind === "acknowledgement")!;
    expect(letter.delivery).toBe("post");
    const m = await mark();
    const { c } = await getLetter(a, complaintRef, letter.id);
    expect(c.name).toBe(person.name);
    const list = await listComplaints(a, { status: "open", limit: 2000 });
    expect(list.items.map((i) => i.reference)).toContain(complaintRef);
    const rows = await readsOf(a, m);
    expect(rows.map((r) => [r.entity_type, r.data.purpose])).toEqual([
      ["complaint_letter", "letter_print"],
      ["complaint", "complaint_list"],
    ]);
    expect(rows[0]).toMatchObject({ entity_id: letter.id, data: { customers: [customerId], filters: { complaint: complaintRef } } });
    expect(rows[1].data.ids).toContain(complaintRef);
    expectNoPersonalData(rows);
  });

  it("a polling screen adds no row for the same records within its window", async () => {
    const a = await agent("backoffice");
    const m = await mark();
    for (let i = 0; i < 3; i++) await listCalls(a, { customer: customerId, limit: 50, offset: 0 });
    for (let i = 0; i < 3; i++) await getTicket(a, ticketNumber);
    expect((await readsOf(a, m)).map((r) => r.data.purpose)).toEqual(["call_list", "ticket_view"]);
  });

  it("no event row anywhere — reads or changes — holds this person's data", async () => {
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from events
      where position(${tok} in lower(data::text || entity_id)) > 0 or position(${person.phone} in data::text) > 0`);
    expect(rows[0].n).toBe(0);
    // …while the reads of this person are all findable by their customer id.
    const { rows: reads } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from events where action = 'read' and data->'customers' ? ${customerId}`,
    );
    expect(reads[0].n).toBeGreaterThanOrEqual(8);
  });
});
