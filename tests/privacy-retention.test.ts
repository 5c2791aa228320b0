import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next/navigation", () => ({ redirect: () => undefined, forbidden: () => undefined }));

import { closeDb, db } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { complaintRegister } from "@/lib/complaints/register";
import { annualReport, dashboardSummary } from "@/lib/dashboards/service";
import { RETENTION_SETTINGS_KEY, runRetention } from "@/lib/privacy/retention";
import { createTestDesk } from "./helpers/appointments-fixtures";

/**
 * The retention run (lib/privacy/retention.ts): records past their period are anonymised (or deleted where
 * nothing counts them), younger ones are not, the dashboards' totals and the complaint register stay exactly
 * what they were, a second run changes nothing, and the run is recorded with its counts.
 *
 * Other test files share this database and run at the same time, so the periods are set long (20 years; 25
 * for complaints) and the fixtures dated around them: only this file's records are old enough.
 */
const DAY = 86_400_000;
const yearsAgo = (y: number, extraDays = 0) => new Date(Date.now() - Math.round(y * 365.25 * DAY) - extraDays * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const OLD = yearsAgo(21); // older than 20 years: anonymised
const YOUNG = yearsAgo(19); // younger than 20 years: kept
const COMPLAINT_OLD = yearsAgo(26); // older than the complaints' 25 years
const COMPLAINT_YOUNG = yearsAgo(21); // old for the rest, young for complaints

const tok = Array.from(crypto.randomBytes(8), (b) => "ghijklmnopqrstuvwxyz"[b % 20]).join("");
const pers = (k: string) => ({
  name: `Klant ${k} ${tok}`,
  email: `${k}.${tok}@example.org`,
  phone: `06${String(crypto.randomInt(1e7, 1e8))}`,
});
const oldP = pers("old");
const youngP = pers("young");

const supervisor: Actor = { kind: "user", id: crypto.randomUUID(), name: "Retention test", role: "supervisor", deskCodes: [] };
const ids: Record<string, string | number> = {};

async function one<T = Record<string, unknown>>(q: ReturnType<typeof sql>): Promise<T> {
  return (await db.execute(q)).rows[0] as T;
}

async function fixture(p: typeof oldP, at: Date, complaintClosedAt: Date, key: "old" | "young", desk: string) {
  const c = await one<{ id: string }>(sql`insert into customers (name, email, phone, v_number, created_at)
    values (${p.name}, ${p.email}, ${p.phone}, '1234567890', ${at}) returning id`);
  ids[`${key}Customer`] = c.id;
  const t = await one<{
    id: string;
    number: number;
  }>(sql`insert into tickets (subject, queue, status, channel, customer_id, created_at, updated_at,
      first_response_due_at, first_responded_at, solved_at, closed_at, last_message_at)
    values (${`Vraag van ${p.name}`}, 'frontdesk', 'closed', 'email', ${c.id}, ${at}, ${at}, ${new Date(at.getTime() + DAY)}, ${new Date(at.getTime() + 3600_000)},
      ${at}, ${at}, ${at}) returning id, number`);
  ids[`${key}Ticket`] = t.id;
  const m = await one<{
    id: string;
  }>(sql`insert into ticket_messages (ticket_id, direction, from_address, from_name, subject, text_body, html_raw, raw_source, created_at)
    values (${t.id}, 'in', ${p.email}, ${p.name}, 'Vraag', ${`Mijn nummer is ${p.phone}`}, ${`<p>${p.name}</p>`}, ${Buffer.from(`From: ${p.email}`)}, ${at}) returning id`);
  ids[`${key}Message`] = m.id;
  await db.execute(sql`insert into ticket_attachments (message_id, filename, content_type, size, sha256, content)
    values (${m.id}, 'paspoort.pdf', 'application/pdf', 3, 'x', ${Buffer.from("PDF")})`);
  const call = await one<{
    id: number;
  }>(sql`insert into calls (source, queue, direction, from_number, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, result, notes, customer_id)
    values ('manual', 'frontdesk', 'in', ${p.phone}, ${at}, ${new Date(at.getTime() + 10_000)}, ${new Date(at.getTime() + 110_000)}, 10, 100, 'answered', ${`Notitie ${tok}`}, ${c.id})
    returning id`);
  ids[`${key}Call`] = Number(call.id);
  await db.execute(sql`insert into cti_events (call_external_id, event, payload, call_id, received_at)
    values (${`x-${tok}-${key}`}, 'newCall', ${JSON.stringify({ from: p.phone })}::jsonb, ${call.id}, ${at})`);
  const day = isoDay(at);
  const slot = `${desk}-${day}T09:00`;
  await db.execute(sql`insert into appointment_slots (id, desk_code, starts_at, ends_at, local_date, places, taken)
    values (${slot}, ${desk}, ${at}, ${new Date(at.getTime() + 900_000)}, ${day}, 3, 2) on conflict do nothing`);
  const ap = await one<{
    id: string;
  }>(sql`insert into appointments (reference, slot_id, desk_code, product_key, starts_at, ends_at, local_date, persons, person_list, email, phone,
      status, token_hash, customer_id, created_at, checked_in_at, completed_at)
    values (${`R${tok}${key}`.toUpperCase()}, ${slot}, ${desk}, 'BIO', ${at}, ${new Date(at.getTime() + 900_000)}, ${day}, 2,
      ${JSON.stringify([{ name: p.name, vNumber: "1234567890" }, { name: `Kind ${tok}` }])}::jsonb, ${p.email}, ${p.phone}, 'completed', 'x', ${c.id}, ${at}, ${at}, ${at})
    returning id`);
  ids[`${key}Appointment`] = ap.id;
  const received = isoDay(new Date(complaintClosedAt.getTime() - 20 * DAY));
  const cp = await one<{
    id: string;
    reference: string;
  }>(sql`insert into complaints (reference, channel, received_on, status, complainant_name, complainant_email,
      complainant_phone, complainant_address, customer_id, description, subject, deadline, acknowledged_on, outcome, decision_reasons, decided_on, closed_as, closed_on,
      hearing_on, hearing_report)
    values (${`K-${tok}-${key}`}, 'web', ${received}, 'closed', ${p.name}, ${p.email}, ${p.phone}, ${`Straat 1 ${tok}`}, ${c.id}, ${`Klacht ${tok}`}, 'processing_time',
      ${isoDay(new Date(complaintClosedAt.getTime() + 10 * DAY))}, ${received}, 'founded', ${`Redenen ${tok}`}, ${isoDay(complaintClosedAt)}, 'decided',
      ${isoDay(complaintClosedAt)}, ${received}, ${`Verslag ${tok}`})
    returning id, reference`);
  ids[`${key}Complaint`] = cp.id;
  ids[`${key}ComplaintRef`] = cp.reference;
  await db.execute(sql`insert into complaint_letters (complaint_id, kind, delivery, to_address, language, subject, body, sent_on)
    values (${cp.id}, 'decision', 'email', ${p.email}, 'nl', 'Beslissing', ${`Geachte ${p.name}`}, ${isoDay(complaintClosedAt)})`);
  await db.execute(sql`insert into complaint_attachments (complaint_id, filename, content_type, size, sha256, data)
    values (${cp.id}, 'brief.pdf', 'application/pdf', 3, 'x', ${Buffer.from("PDF")})`);
  const o = await one<{
    id: string;
  }>(sql`insert into outbound_emails (to_address, to_name, subject, text_body, message_id, context_type, context_id, kind, status,
      created_at, sent_at)
    values (${p.email}, ${p.name}, ${`Re: ${tok}`}, ${`Beste ${p.name}`}, ${`<${tok}.${key}@kic>`}, 'ticket', ${t.id}, 'ticket.reply', 'sent', ${at}, ${at}) returning id`);
  ids[`${key}Outbox`] = o.id;
  const sa = await one<{
    id: string;
  }>(sql`insert into slot_alerts (email, product_key, persons, before, status, confirm_token_hash, unsubscribe_token_hash, created_at, ended_at)
    values (${p.email}, 'BIO', 1, ${day}, 'expired', ${`c-${tok}-${key}`}, ${`u-${tok}-${key}`}, ${at}, ${at}) returning id`);
  ids[`${key}SlotAlert`] = sa.id;
  // An acknowledgement counter of its own (not tied to the ticket, which would take it along).
  await db.execute(sql`insert into ticket_acks (sender, sent_at) values (${p.email}, ${at})`);
}

/** Every row of this file's fixtures, as the database holds them. */
async function snapshot() {
  const q = async (s: ReturnType<typeof sql>) => (await db.execute(s)).rows;
  return {
    customers: await q(sql`select * from customers where id in (${ids.oldCustomer}, ${ids.youngCustomer}) order by created_at`),
    tickets: await q(sql`select * from tickets where id in (${ids.oldTicket}, ${ids.youngTicket}) order by created_at`),
    messages:
      await q(sql`select id, from_address, from_name, subject, text_body, html_raw, raw_source is not null as has_raw from ticket_messages
      where ticket_id in (${ids.oldTicket}, ${ids.youngTicket}) order by created_at`),
    attachments: await q(
      sql`select a.id, m.ticket_id from ticket_attachments a join ticket_messages m on m.id = a.message_id where m.ticket_id in (${ids.oldTicket}, ${ids.youngTicket})`,
    ),
    calls: await q(sql`select * from calls where id in (${ids.oldCall}, ${ids.youngCall}) order by offered_at`),
    cti: await q(sql`select * from cti_events where call_id in (${ids.oldCall}, ${ids.youngCall})`),
    appointments: await q(sql`select * from appointments where id in (${ids.oldAppointment}, ${ids.youngAppointment}) order by starts_at`),
    complaints: await q(sql`select * from complaints where id in (${ids.oldComplaint}, ${ids.youngComplaint}) order by received_on`),
    letters: await q(
      sql`select complaint_id, to_address, body from complaint_letters where complaint_id in (${ids.oldComplaint}, ${ids.youngComplaint})`,
    ),
    complaintFiles: await q(
      sql`select complaint_id from complaint_attachments where complaint_id in (${ids.oldComplaint}, ${ids.youngComplaint})`,
    ),
    outbox: await q(sql`select * from outbound_emails where id in (${ids.oldOutbox}, ${ids.youngOutbox}) order by created_at`),
    slotAlerts: await q(sql`select id from slot_alerts where id in (${ids.oldSlotAlert}, ${ids.youngSlotAlert})`),
    acks: await q(sql`select sender from ticket_acks where sender in (${oldP.email}, ${youngP.email}) order by sent_at`),
  };
}

/** The figures the dashboards show over both fixtures' days (only the period-bound ones: "open now" moves with other tests). */
async function figures() {
  const s = await dashboardSummary(supervisor, { from: isoDay(COMPLAINT_OLD), to: isoDay(YOUNG) });
  const year = Number(isoDay(OLD).slice(0, 4));
  const report = await annualReport(supervisor, year);
  const register = (await complaintRegister({ ...supervisor, role: "admin" }, Number(isoDay(COMPLAINT_OLD).slice(0, 4)))).items.filter(
    (i) => i.reference.includes(tok),
  );
  const rollup =
    await db.execute(sql`select day, queue, sum(offered)::int as offered, sum(answered)::int as answered, sum(wait_sum)::int as wait, sum(talk_sum)::int as talk
    from call_daily_stats where day in (${isoDay(OLD)}::date, ${isoDay(YOUNG)}::date) group by 1, 2 order by 1, 2`);
  return {
    calls: s.calls,
    emails: { received: s.emails.received, firstResponses: s.emails.firstResponses, withinSla: s.emails.firstResponsesWithinSla },
    complaints: { received: s.complaints.received, closed: s.complaints.closed, closedOnTime: s.complaints.closedOnTime },
    desk: { booked: s.appointments.booked, checkedIn: s.appointments.checkedIn, noShow: s.appointments.noShow },
    annual: report.rows.filter((r) => r.key !== "deskUtilisationPct"),
    register,
    rollup: rollup.rows,
  };
}

beforeAll(async () => {
  const desk = await createTestDesk();
  await fixture(oldP, OLD, COMPLAINT_OLD, "old", desk);
  await fixture(youngP, YOUNG, COMPLAINT_YOUNG, "young", desk);
  const days = (y: number) => Math.round(y * 365.25);
  await db.execute(
    sql`insert into settings (key, value) values (${RETENTION_SETTINGS_KEY}, ${JSON.stringify({
      rawMailDays: days(20),
      ctiPayloadDays: days(20),
      ticketDays: days(20),
      callDays: days(20),
      appointmentDays: days(20),
      complaintDays: days(25),
      outboxDays: days(20),
      slotAlertDays: days(20),
      mailAckDays: days(20),
      customerDays: days(20),
    })}::jsonb) on conflict (key) do update set value = excluded.value`,
  );
});
afterAll(async () => {
  await db.execute(sql`delete from settings where key = ${RETENTION_SETTINGS_KEY}`);
  await closeDb();
});

describe("the retention run", () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  let afterFirst: Awaited<ReturnType<typeof snapshot>>;
  let figuresBefore: Awaited<ReturnType<typeof figures>>;
  let first: Awaited<ReturnType<typeof runRetention>>;

  it("anonymises the old records and leaves the young ones", async () => {
    before = await snapshot();
    figuresBefore = await figures();
    expect(figuresBefore.calls.offered).toBeGreaterThanOrEqual(2);
    first = await runRetention();
    afterFirst = await snapshot();
    const a = afterFirst;
    const anonymised = { anonymised_at: expect.anything() };

    // The person whose records are all old: gone from every table.
    expect(a.customers[0]).toMatchObject({ name: null, email: null, phone: null, v_number: null, ...anonymised });
    expect(a.tickets[0]).toMatchObject({ subject: "", customer_id: null, status: "closed", channel: "email", ...anonymised });
    expect(a.messages[0]).toMatchObject({
      from_address: null,
      from_name: null,
      subject: null,
      text_body: "",
      html_raw: null,
      has_raw: false,
    });
    expect(a.attachments.map((x) => x.ticket_id)).toEqual([ids.youngTicket]);
    expect(a.calls[0]).toMatchObject({
      from_number: null,
      notes: null,
      customer_id: null,
      queue: "frontdesk",
      result: "answered",
      wait_seconds: 10,
      talk_seconds: 100,
      ...anonymised,
    });
    expect(a.cti.map((x) => Number(x.call_id))).toEqual([ids.youngCall]);
    expect(a.appointments[0]).toMatchObject({
      person_list: [{ name: "" }, { name: "" }],
      persons: 2,
      email: null,
      phone: null,
      customer_id: null,
      status: "completed",
      ...anonymised,
    });
    expect(a.complaints[0]).toMatchObject({
      complainant_name: "",
      complainant_email: null,
      complainant_phone: null,
      complainant_address: null,
      description: "",
      decision_reasons: "",
      hearing_report: null,
      customer_id: null,
      status: "closed",
      outcome: "founded",
      closed_as: "decided",
      ...anonymised,
    });
    expect(a.letters.find((l) => l.complaint_id === ids.oldComplaint)).toMatchObject({ to_address: null, body: "" });
    expect(a.complaintFiles.map((x) => x.complaint_id)).toEqual([ids.youngComplaint]);
    expect(a.outbox[0]).toMatchObject({ to_address: "", to_name: null, subject: "", text_body: "", status: "sent", ...anonymised });
    expect(a.slotAlerts.map((x) => x.id)).toEqual([ids.youngSlotAlert]);
    expect(a.acks.map((x) => x.sender)).toEqual([youngP.email]);

    // The young person: untouched (19 years < 20), and their complaint (21 years) is young for complaints (25).
    expect(a.customers[1]).toEqual(before.customers[1]);
    expect(a.tickets[1]).toEqual(before.tickets[1]);
    expect(a.messages[1]).toEqual(before.messages[1]);
    expect(a.calls[1]).toEqual(before.calls[1]);
    expect(a.appointments[1]).toEqual(before.appointments[1]);
    expect(a.complaints[1]).toEqual(before.complaints[1]);
    expect(a.outbox[1]).toEqual(before.outbox[1]);

    // Nothing of the old person is left anywhere in these tables.
    const left = await db.execute<{ n: number }>(sql`select
      (select count(*) from customers where email = ${oldP.email} or phone = ${oldP.phone})
      + (select count(*) from calls where from_number = ${oldP.phone})
      + (select count(*) from ticket_messages where from_address = ${oldP.email} or text_body like ${`%${oldP.phone}%`})
      + (select count(*) from appointments where email = ${oldP.email} or person_list::text like ${`%${oldP.name}%`})
      + (select count(*) from complaints where complainant_email = ${oldP.email})
      + (select count(*) from outbound_emails where to_address = ${oldP.email})
      + (select count(*) from slot_alerts where email = ${oldP.email}) as n`);
    expect(Number(left.rows[0].n)).toBe(0);
  });

  it("keeps every dashboard total and the complaint register exactly as they were", async () => {
    const after = await figures();
    expect(after).toEqual(figuresBefore);
    expect(after.register.map((r) => r.reference).sort()).toEqual([ids.oldComplaintRef].sort());
  });

  it("records what it did in the event log, with counts per record type", async () => {
    expect(first.counts).toMatchObject({
      rawMailSources: 1,
      ctiPayloads: 1,
      tickets: 1,
      calls: 1,
      appointments: 1,
      complaints: 1,
      outboxMails: 1,
      slotAlerts: 1,
      mailAcks: 1,
      customers: 1,
    });
    const { rows } = await db.execute<{
      actor_label: string;
      data: { counts: Record<string, number> };
    }>(sql`select actor_label, data from events
      where entity_type = 'retention_run' and entity_id = ${first.runId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_label).toBe("system:retention");
    expect(rows[0].data.counts).toEqual(first.counts);
  });

  it("a second run changes nothing more", async () => {
    const second = await runRetention();
    expect(
      Object.values(second.counts).every((n) => n === 0),
      JSON.stringify(second.counts),
    ).toBe(true);
    expect(await snapshot()).toEqual(afterFirst);
    expect(await figures()).toEqual(figuresBefore);
  });

  it("two runs at once share the work and do it once", async () => {
    const extra = pers("twice");
    const at = yearsAgo(22);
    const made: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await one<{ id: string }>(
        sql`insert into tickets (subject, status, channel, created_at, updated_at, closed_at) values (${`Dubbel ${i} ${extra.name}`}, 'closed', 'email', ${at}, ${at}, ${at}) returning id`,
      );
      made.push(r.id);
    }
    const [x, y] = await Promise.all([runRetention(), runRetention()]);
    expect(x.counts.tickets + y.counts.tickets).toBe(30);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from tickets where id = any(${`{${made.join(",")}}`}::uuid[]) and subject = '' and anonymised_at is not null`,
    );
    expect(rows[0].n).toBe(30);
  });
});
