import crypto from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));

import { closeDb, db } from "@/db/client";
import { hashApiKey } from "@/lib/auth/api-key-hash";
import { ingestEmail } from "@/lib/tickets/intake";
import { startAppServer, type AppServer } from "./helpers/app-server";
import { createTestDesk } from "./helpers/appointments-fixtures";

/**
 * The data subject's rights over HTTP, against the production build (`node --import tsx scripts/start.ts
 * --build-only` first): an admin finds a person, exports all their records (JSON, and a zip of CSVs with their
 * files), and erases them — refused while a case is open, then anonymised everywhere; each step is logged.
 */
const tok = Array.from(crypto.randomBytes(8), (b) => "ghijklmnopqrstuvwxyz"[b % 20]).join("");
const digits = String(crypto.randomInt(1e7, 1e8));
// The telephone system sends E.164 (+316…); the person wrote their number as 06….
const person = {
  name: `Pietersen ${tok}`,
  email: `s.${tok}@example.org`,
  phone: `06${digits}`,
  phoneIntl: `+316${digits}`,
  phoneWritten: `+31 6 ${digits}`,
};
const keys = { admin: "", frontdesk: "" };
let app: AppServer;
let customerId = "";
let ticketNumber = 0;

async function key(role: "admin" | "frontdesk") {
  const k = `kic_priv_${role}_${crypto.randomBytes(10).toString("hex")}`;
  await db.execute(
    sql`insert into api_keys (name, role, prefix, key_hash) values (${`privacy ${role} ${tok}`}, ${role}, ${k.slice(0, 8)}, ${hashApiKey(k)})`,
  );
  return k;
}
const get = (path: string, role: keyof typeof keys = "admin") =>
  fetch(app.url + path, { headers: { authorization: `Bearer ${keys[role]}` } });
const post = (path: string, body: unknown) =>
  fetch(app.url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${keys.admin}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const mime = Buffer.from(
  [
    `From: ${person.name} <${person.email}>`,
    "To: kic@ind.example",
    `Subject: Mijn aanvraag ${tok}`,
    `Message-ID: <${crypto.randomBytes(6).toString("hex")}@example.org>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Bel me op ${person.phone}.`,
    "--b1",
    'Content-Type: application/pdf; name="brief.pdf"',
    'Content-Disposition: attachment; filename="brief.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(`PDF ${tok}`).toString("base64"),
    "--b1--",
    "",
  ].join("\r\n"),
);

beforeAll(async () => {
  keys.admin = await key("admin");
  keys.frontdesk = await key("frontdesk");
  // A ticket by mail (it creates the customer and an acknowledgement in the outbox)…
  ticketNumber = (await ingestEmail(mime, { to: ["kic@ind.example"] })).ticketNumber!;
  const c = await db.execute<{ id: string }>(sql`select customer_id as id from tickets where number = ${ticketNumber}`);
  customerId = c.rows[0].id;
  await db.execute(sql`update customers set phone = ${person.phone}, name = ${person.name} where id = ${customerId}`);
  // …a call linked to them and one from their number in another notation that nobody linked…
  await db.execute(sql`insert into calls (source, queue, direction, from_number, offered_at, ended_at, result, notes, customer_id)
    values ('manual', 'frontdesk', 'in', ${person.phone}, now() - interval '3 days', now() - interval '3 days', 'answered', ${`Notitie ${tok}`}, ${customerId}),
           ('manual', 'frontdesk', 'in', ${person.phoneIntl}, now() - interval '2 days', now() - interval '2 days', 'abandoned', null, null)`);
  // …a desk visit last month, a decided complaint with its letter, an alert for an earlier slot.
  const desk = await createTestDesk();
  await db.execute(sql`insert into appointment_slots (id, desk_code, starts_at, ends_at, local_date, places, taken)
    values (${`${desk}-P`}, ${desk}, now() - interval '30 days', now() - interval '30 days' + interval '15 minutes', (now() - interval '30 days')::date, 3, 1)`);
  await db.execute(sql`insert into appointments (reference, slot_id, desk_code, product_key, starts_at, ends_at, local_date, persons, person_list, email, status, token_hash, customer_id)
    values (${`P${tok}`.toUpperCase().slice(0, 12)}, ${`${desk}-P`}, ${desk}, 'BIO', now() - interval '30 days', now() - interval '30 days' + interval '15 minutes',
      (now() - interval '30 days')::date, 1, ${JSON.stringify([{ name: person.name, vNumber: "1234567890" }])}::jsonb, ${person.email}, 'completed', 'x', ${customerId})`);
  const cp = await db.execute<{
    id: string;
  }>(sql`insert into complaints (reference, channel, received_on, status, complainant_name, complainant_email, customer_id, description,
      deadline, acknowledged_on, outcome, decision_reasons, decided_on, closed_as, closed_on, hearing_skipped_because)
    values (${`K-P-${tok}`}, 'web', current_date - 40, 'closed', ${person.name}, ${person.email}, ${customerId}, ${`Klacht over wachttijd ${tok}`},
      current_date + 2, current_date - 39, 'unfounded', ${`Redenen ${tok}`}, current_date - 1, 'decided', current_date - 1, 'telefonisch gesproken')
    returning id`);
  await db.execute(sql`insert into complaint_letters (complaint_id, kind, delivery, to_address, language, subject, body, sent_on)
    values (${cp.rows[0].id}, 'decision', 'email', ${person.email}, 'nl', 'Beslissing', ${`Geachte ${person.name}`}, current_date - 1)`);
  await db.execute(sql`insert into slot_alerts (email, product_key, persons, before, status, confirm_token_hash, unsubscribe_token_hash)
    values (${person.email}, 'BIO', 1, current_date + 30, 'confirmed', ${`c-${tok}`}, ${`u-${tok}`})`);
  app = await startAppServer({ port: 46211 + Math.floor(Math.random() * 40) });
});
afterAll(async () => {
  await app?.stop();
  await closeDb();
});

async function readRows(purpose: string) {
  const { rows } = await db.execute<{
    entity_type: string;
    entity_id: string;
    actor_label: string;
    data: Record<string, unknown>;
    raw: string;
  }>(sql`
    select entity_type, entity_id, actor_label, data, data::text as raw from events
    where action = 'read' and data->>'purpose' = ${purpose} and data->'customers' ? ${customerId} order by id`);
  return rows;
}
const noPersonalData = (s: string) => {
  for (const p of [tok, person.email, person.phone, digits]) expect(s).not.toContain(p);
};

describe("subject access and erasure over HTTP", () => {
  it("finds the person by email and by their phone number however written; only admins may", async () => {
    for (const q of [person.email.toUpperCase(), person.phoneWritten]) {
      const r = await get(`/api/v1/admin/customers?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      const found = await r.json();
      expect(
        found.map((c: { id: string }) => c.id),
        q,
      ).toEqual([customerId]);
      expect(found[0]).toMatchObject({
        email: person.email,
        phone: person.phone,
        records: { tickets: 1, calls: 1, appointments: 1, complaints: 1 },
      });
    }
    expect((await get(`/api/v1/admin/customers?q=${person.email}`, "frontdesk")).status).toBe(403);
    const bad = await get(`/api/v1/admin/customers?q=x`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.q).toBeTruthy();
    const searches = await readRows("admin_customer_search");
    expect(searches).toHaveLength(2);
    for (const s of searches) noPersonalData(s.raw);
  });

  it("exports every record of theirs as JSON, and logs the export", async () => {
    const r = await get(`/api/v1/admin/customers/${customerId}/export?format=json`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename="inzageverzoek-.+\.json"$/);
    expect(r.headers.get("cache-control")).toContain("no-store");
    const x = await r.json();
    expect(x.customer).toMatchObject({ id: customerId, name: person.name, email: person.email, phone: person.phone });
    expect(x.tickets).toEqual([expect.objectContaining({ reference: `KIC-${ticketNumber}`, subject: `Mijn aanvraag ${tok}` })]);
    expect(x.ticketMessages[0]).toMatchObject({ direction: "in", fromAddress: person.email, text: expect.stringContaining(person.phone) });
    expect(x.ticketAttachments).toEqual([expect.objectContaining({ filename: "brief.pdf", size: 4 + tok.length })]);
    expect(x.calls.map((c: { from: string }) => c.from).sort()).toEqual([person.phoneIntl, person.phone].sort());
    expect(x.appointments).toEqual([
      expect.objectContaining({ persons: [{ name: person.name, vNumber: "1234567890" }], email: person.email, status: "completed" }),
    ]);
    expect(x.complaints).toEqual([
      expect.objectContaining({ reference: `K-P-${tok}`, description: `Klacht over wachttijd ${tok}`, outcome: "unfounded" }),
    ]);
    expect(x.complaintLetters).toEqual([expect.objectContaining({ kind: "decision", body: `Geachte ${person.name}` })]);
    expect(x.slotAlerts).toEqual([expect.objectContaining({ email: person.email, status: "confirmed" })]);
    expect(x.outboxMails.length).toBeGreaterThanOrEqual(1);
    expect(x.outboxMails.every((m: { to: string }) => m.to === person.email)).toBe(true);
    // When and why their data was read (the searches above), without the staff's names.
    expect(x.accessLog.map((l: { purpose: string }) => l.purpose)).toContain("admin_customer_search");
    expect(JSON.stringify(x.accessLog)).not.toContain(`privacy admin ${tok}`);
    const logged = await readRows("subject_export");
    expect(logged).toEqual([
      expect.objectContaining({
        entity_type: "customer",
        entity_id: customerId,
        actor_label: `API key privacy admin ${tok}`,
        data: expect.objectContaining({ filters: { format: "json" } }),
      }),
    ]);
    noPersonalData(logged[0].raw);
  });

  it("exports the same as a zip of CSVs with their files", async () => {
    const r = await get(`/api/v1/admin/customers/${customerId}/export?format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/zip");
    const zip = unzipSync(new Uint8Array(await r.arrayBuffer()));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining([
        "customer.csv",
        "tickets.csv",
        "ticket_messages.csv",
        "calls.csv",
        "appointments.csv",
        "complaints.csv",
        "slot_alerts.csv",
        "outbox_mails.csv",
        "access_log.csv",
        "export.json",
      ]),
    );
    expect(strFromU8(zip["tickets.csv"])).toContain(`Mijn aanvraag ${tok}`);
    expect(strFromU8(zip["complaints.csv"])).toContain(`K-P-${tok}`);
    const file = Object.keys(zip).find((k) => k.startsWith("files/") && k.endsWith("brief.pdf"))!;
    expect(strFromU8(zip[file])).toBe(`PDF ${tok}`);
    expect(await readRows("subject_export")).toHaveLength(2);
  });

  it("refuses to erase without confirmation, and while a case is open; changes nothing", async () => {
    const unconfirmed = await post(`/api/v1/admin/customers/${customerId}/erase`, {});
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).error.fields.confirm).toBeTruthy();
    const open = await post(`/api/v1/admin/customers/${customerId}/erase`, { confirm: true });
    expect(open.status).toBe(422);
    const body = await open.json();
    expect(body.error).toMatchObject({ code: "open_cases", fields: { tickets: expect.any(String) } });
    const { rows } = await db.execute<{ email: string | null }>(sql`select email from customers where id = ${customerId}`);
    expect(rows[0].email).toBe(person.email);
    expect((await get(`/api/v1/admin/customers/not-a-uuid/export`)).status).toBe(404);
    expect((await get(`/api/v1/admin/customers/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("erases them everywhere once the case is closed, and logs it", async () => {
    await db.execute(sql`update tickets set status = 'closed', closed_at = now() where number = ${ticketNumber}`);
    const r = await post(`/api/v1/admin/customers/${customerId}/erase`, { confirm: true });
    expect(r.status).toBe(200);
    const { counts } = await r.json();
    expect(counts).toMatchObject({ tickets: 1, calls: 2, appointments: 1, complaints: 1, slotAlerts: 1, customers: 1 });
    expect(counts.outboxMails).toBeGreaterThanOrEqual(1);
    const left = await db.execute<{ n: number }>(sql`select
        (select count(*) from customers where id = ${customerId} and (name is not null or email is not null or phone is not null))
      + (select count(*) from tickets where subject like ${`%${tok}%`})
      + (select count(*) from ticket_messages where text_body like ${`%${digits}%`} or from_address = ${person.email} or raw_source is not null and position(${Buffer.from(tok)} in raw_source) > 0)
      + (select count(*) from ticket_attachments where position(${Buffer.from(tok)} in content) > 0)
      + (select count(*) from calls where from_number like ${`%${digits.slice(-6)}%`} or notes like ${`%${tok}%`})
      + (select count(*) from appointments where email = ${person.email} or person_list::text like ${`%${tok}%`})
      + (select count(*) from complaints where complainant_email = ${person.email} or description like ${`%${tok}%`} or decision_reasons like ${`%${tok}%`})
      + (select count(*) from complaint_letters where body like ${`%${tok}%`})
      + (select count(*) from outbound_emails where to_address = ${person.email})
      + (select count(*) from slot_alerts where email = ${person.email})
      + (select count(*) from ticket_acks where sender = ${person.email}) as n`);
    expect(Number(left.rows[0].n)).toBe(0);
    // The counts the dashboards read are still there: the ticket, calls, visit and complaint rows remain.
    const kept = await db.execute<{ n: number }>(sql`select
        (select count(*) from tickets where number = ${ticketNumber} and status = 'closed' and channel = 'email')
      + (select count(*) from complaints where reference = ${`K-P-${tok}`} and outcome = 'unfounded' and closed_on is not null) as n`);
    expect(Number(kept.rows[0].n)).toBe(2);
    const { rows } = await db.execute<{
      actor_label: string;
      data: { counts: Record<string, number> };
      raw: string;
    }>(sql`select actor_label, data, data::text as raw
      from events where entity_type = 'customer' and entity_id = ${customerId} and action = 'erased'`);
    expect(rows).toEqual([expect.objectContaining({ actor_label: `API key privacy admin ${tok}`, data: { counts } })]);
    // An export now shows nothing personal, and a second erasure changes nothing.
    noPersonalData(await (await get(`/api/v1/admin/customers/${customerId}/export?format=json`)).text());
    const again = await post(`/api/v1/admin/customers/${customerId}/erase`, { confirm: true });
    expect(again.status).toBe(200);
    expect((await again.json()).counts).toMatchObject({
      tickets: 0,
      calls: 0,
      appointments: 0,
      complaints: 0,
      slotAlerts: 0,
      outboxMails: 0,
      customers: 0,
    });
  });
});
