import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { confirmSlotAlert, createSlotAlert, processSlotAlerts } from "@/lib/appointments/alerts";
import { addClosure } from "@/lib/appointments/capacity";
import { sendReminders } from "@/lib/appointments/reminders";
import {
  availableSlots,
  bookSlot,
  cancelAppointment,
  getAppointment,
  holdSlot,
  rescheduleAppointment,
  setAppointmentStatus,
  appointmentIcsText,
} from "@/lib/appointments/service";
import { appointmentHistory, deskStats } from "@/lib/appointments/stats";
import type { Actor } from "@/lib/auth/roles";
import { createTestDesk, query } from "./helpers/appointments-fixtures";

// Service-level tests of spec 01 on the run's throw-away database (HTTP and two instances: appointments-http.test.ts).
const person = (name: string) => ({ name });
const booking = (slotId: string, n: number, extra: Record<string, unknown> = {}) => ({
  slotId,
  product: "BIO",
  persons: Array.from({ length: n }, (_, i) => person(`Persoon ${i + 1}`)),
  email: `t${Math.random().toString(36).slice(2)}@example.com`,
  language: "nl" as const,
  ...extra,
});
const slotRow = async (id: string) =>
  (await query<{ places: number; taken: number }>("select places, taken from appointment_slots where id = $1", [id]))[0];
const persistedPersons = async (slotId: string) =>
  Number(
    (
      await query<{ n: number }>(
        `select coalesce(sum(persons),0)::int as n from appointments where slot_id = $1 and status <> 'cancelled'`,
        [slotId],
      )
    )[0].n,
  );

let desk: string;
let slots: { id: string; date: string }[];
let deskActor: Actor;

beforeAll(async () => {
  desk = await createTestDesk({ places: 3 });
  slots = await availableSlots({ desks: [desk], product: "BIO", persons: 1 });
  const [u] = await query<{ id: string }>(
    `insert into users (email, name, password_hash, role, desk_codes) values ($1, 'Loket Test', 'x', 'desk', $2) returning id`,
    [`desk.${desk}@kic.example`, [desk]],
  );
  deskActor = { kind: "user", id: u.id, name: "Loket Test", role: "desk", deskCodes: [desk] };
});
afterAll(async () => closeDb());

describe("booking and capacity", () => {
  it("offers slots for the desk, and books until the places are gone (409 slot_full)", async () => {
    expect(slots.length).toBeGreaterThan(100);
    const s = slots[0].id;
    const a = await bookSlot(booking(s, 2));
    expect(a.appointment).toMatchObject({ status: "booked", desk, product: "BIO", slotId: s });
    expect(a.appointment.reference).toMatch(new RegExp(`^${desk}-[2-9A-Z]{4}-[2-9A-Z]{4}$`));
    await expect(bookSlot(booking(s, 2))).rejects.toMatchObject({ status: 409, code: "slot_full" });
    await bookSlot(booking(s, 1));
    expect(await slotRow(s)).toEqual({ places: 3, taken: 3 });
    const after = await availableSlots({ desks: [desk], product: "BIO", persons: 1 });
    expect(after.find((x) => x.id === s)).toBeUndefined();
    expect((await availableSlots({ desks: [desk], product: "BIO", persons: 3 })).find((x) => x.id === slots[1].id)?.available).toBe(3);
  });

  it("never overbooks under 60 concurrent requests for one slot", async () => {
    const s = slots[2].id;
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => bookSlot(booking(s, 1 + (i % 2)))));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code);
    expect(refused.every((c) => c === "slot_full")).toBe(true);
    const row = await slotRow(s);
    expect(row.taken).toBeLessThanOrEqual(3);
    expect(await persistedPersons(s)).toBe(row.taken);
    expect(ok.length).toBeGreaterThan(0);
  });

  it("a live hold keeps its places; an expired hold frees them", async () => {
    const s = slots[3].id;
    const hold = await holdSlot(s, 3);
    await expect(bookSlot(booking(s, 1))).rejects.toMatchObject({ code: "slot_full" });
    const withHold = await bookSlot(booking(s, 3, { holdId: hold.holdId }));
    expect(withHold.appointment.status).toBe("booked");
    expect(await slotRow(s)).toEqual({ places: 3, taken: 3 });

    const s2 = slots[4].id;
    await holdSlot(s2, 3, new Date(Date.now() - 10 * 60_000)); // held 10 minutes ago: expired 5 minutes ago
    expect((await availableSlots({ desks: [desk], product: "BIO", persons: 3 })).find((x) => x.id === s2)?.available).toBe(3);
    const b = await bookSlot(booking(s2, 3));
    expect(b.appointment.status).toBe("booked");
    expect(await slotRow(s2)).toEqual({ places: 3, taken: 3 });
  });

  it("a cancelled booking's places are bookable again at once", async () => {
    const s = slots[5].id;
    const a = await bookSlot(booking(s, 3));
    await expect(bookSlot(booking(s, 1))).rejects.toMatchObject({ code: "slot_full" });
    await expect(cancelAppointment(a.appointment.reference, { token: "wrong-token-wrong-token" })).rejects.toMatchObject({ status: 404 });
    const c = await cancelAppointment(a.appointment.reference, { token: a.token });
    expect(c.status).toBe("cancelled");
    expect((await bookSlot(booking(s, 3))).appointment.status).toBe("booked");
    await expect(cancelAppointment(a.appointment.reference, { token: a.token })).rejects.toMatchObject({ status: 422, code: "not_booked" });
  });

  it("reschedules in one transaction: into a full slot nothing changes; else old freed, new taken", async () => {
    const [from, full, free] = [slots[6].id, slots[7].id, slots[8].id];
    const a = await bookSlot(booking(from, 2));
    await bookSlot(booking(full, 3));
    await expect(rescheduleAppointment(a.appointment.reference, full, { token: a.token })).rejects.toMatchObject({ code: "slot_full" });
    expect(await slotRow(from)).toMatchObject({ taken: 2 });
    const moved = await rescheduleAppointment(a.appointment.reference, free, { token: a.token });
    expect(moved.slotId).toBe(free);
    expect(await slotRow(from)).toMatchObject({ taken: 0 });
    expect(await slotRow(free)).toMatchObject({ taken: 2 });
    const mails = await query<{ kind: string }>(
      `select kind from outbound_emails where context_id = (select id::text from appointments where reference = $1) order by created_at`,
      [a.appointment.reference],
    );
    expect(mails.map((m) => m.kind)).toEqual(["appointment.confirmation", "appointment.reschedule"]);
  });

  it("refuses slots in the past, beyond the horizon and unknown ones", async () => {
    await expect(bookSlot(booking(`${desk}-2020-01-06T09:00`, 1))).rejects.toMatchObject({ status: 422, code: "slot_in_past" });
    await expect(bookSlot(booking(`${desk}-2099-01-06T09:00`, 1))).rejects.toMatchObject({ status: 422, code: "slot_not_bookable" });
    await expect(bookSlot(booking(`${desk}-2027-01-06T09:07`, 1))).rejects.toMatchObject({ status: 404 });
    await expect(bookSlot(booking(`ZZZZZ-2027-01-06T09:00`, 1))).rejects.toMatchObject({ status: 404 });
    await expect(bookSlot({ ...booking(slots[9].id, 1), product: "NOPE" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("emails, ICS and manage", () => {
  it("queues the confirmation with a valid ICS and the manage link; the token reads the appointment", async () => {
    const a = await bookSlot(booking(slots[10].id, 2, { language: "en" }));
    const [mail] = await query<{
      subject: string;
      text_body: string;
      attachments: { contentBase64: string; contentType: string }[];
      language: string;
    }>(
      `select subject, text_body, attachments, language from outbound_emails where kind = 'appointment.confirmation' and context_id = (select id::text from appointments where reference = $1)`,
      [a.appointment.reference],
    );
    expect(mail.language).toBe("en");
    expect(mail.subject).toContain(a.appointment.reference);
    expect(mail.text_body).toContain(`/afspraak/beheer/${a.appointment.reference}?token=${a.token}&lang=en`);
    const ics = Buffer.from(mail.attachments[0].contentBase64, "base64").toString();
    expect(ics).toMatch(
      /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*UID:[\s\S]*DTSTAMP:\d{8}T\d{6}Z[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VCALENDAR/,
    );
    expect(ics).toContain(`SUMMARY:IND appointment`);
    expect(ics).toContain("LOCATION:");
    const start = a.appointment.start; // e.g. 2027-03-02T09:00:00+01:00
    expect(ics).toContain(`DTSTART:${new Date(start).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(await appointmentIcsText(a.appointment.reference, a.token)).toContain("BEGIN:VEVENT");
    expect((await getAppointment(a.appointment.reference, { token: a.token })).persons).toHaveLength(2);
    const [row] = await query<{ token_hash: string }>(`select token_hash from appointments where reference = $1`, [
      a.appointment.reference,
    ]);
    expect(row.token_hash).not.toContain(a.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sends one reminder the day before, never twice", async () => {
    const s = slots.find((x) => x.date > slots[0].date)!; // a slot on a later day
    const a = await bookSlot(booking(s.id, 1));
    const start = new Date(a.appointment.start);
    const dayBefore = new Date(start.getTime() - 20 * 3600_000);
    await sendReminders(dayBefore);
    await sendReminders(dayBefore);
    const mails = await query(
      `select 1 from outbound_emails where kind = 'appointment.reminder' and context_id = (select id::text from appointments where reference = $1)`,
      [a.appointment.reference],
    );
    expect(mails).toHaveLength(1);
  });
});

describe("slot alerts", () => {
  it("a confirmed alert gets exactly one email after a cancellation opens a place before its date", async () => {
    const alertDesk = await createTestDesk({ places: 1 });
    const free = await availableSlots({ desks: [alertDesk], product: "BIO", persons: 1, limit: 12 });
    // Fill the first 12 slots; the alert wants anything before the 12th slot's date + 1.
    const booked = [];
    for (const s of free) booked.push(await bookSlot(booking(s.id, 1)));
    const before =
      free.at(-1)!.date > free[0].date ? free.at(-1)!.date : new Date(Date.parse(free[0].date) + 86400_000).toISOString().slice(0, 10);
    const email = `alert.${alertDesk}@example.com`;
    const alert = await createSlotAlert({ email, product: "BIO", persons: 1, desks: [alertDesk], before, language: "en" });
    const [optIn] = await query<{ text_body: string }>(
      `select text_body from outbound_emails where kind = 'appointment.alert-confirm' and context_id = $1`,
      [alert.id],
    );
    const token = /confirm\?token=([\w-]+)/.exec(optIn.text_body)![1];
    expect(await confirmSlotAlert(token)).toBe("confirmed");
    expect(await confirmSlotAlert(token)).toBe("invalid");

    // Nothing opened yet: no email.
    await processSlotAlerts(new Date());
    const sent = () => query(`select 1 from outbound_emails where kind = 'appointment.alert-open' and to_address = $1`, [email]);
    expect(await sent()).toHaveLength(0);

    await cancelAppointment(booked[0].appointment.reference, { token: booked[0].token });
    const r = await processSlotAlerts(new Date(Date.now() + 30_000));
    expect(r.notified).toBeGreaterThanOrEqual(1);
    expect(await sent()).toHaveLength(1);
    await cancelAppointment(booked[1].appointment.reference, { token: booked[1].token });
    await processSlotAlerts(new Date(Date.now() + 60_000));
    expect(await sent()).toHaveLength(1);
  });

  it("an unconfirmed alert gets nothing", async () => {
    const d = await createTestDesk({ places: 1 });
    const [s] = await availableSlots({ desks: [d], product: "BIO", persons: 1, limit: 1 });
    const a = await bookSlot(booking(s.id, 1));
    await createSlotAlert({
      email: `pending.${d}@example.com`,
      product: "BIO",
      persons: 1,
      desks: [d],
      before: "2099-01-01",
      language: "nl",
    });
    await cancelAppointment(a.appointment.reference, { token: a.token });
    await processSlotAlerts();
    expect(
      await query(`select 1 from outbound_emails where kind = 'appointment.alert-open' and to_address = $1`, [`pending.${d}@example.com`]),
    ).toHaveLength(0);
  });
});

describe("the desk's day", () => {
  it("checks in, completes, and records a no-show only after the slot end; closures email the applicants", async () => {
    const a = await bookSlot(booking(slots[20].id, 1));
    const ref = a.appointment.reference;
    await expect(setAppointmentStatus(deskActor, ref, "no_show")).rejects.toMatchObject({ code: "slot_not_ended" });
    const after = new Date(new Date(a.appointment.end).getTime() + 60_000);
    expect((await setAppointmentStatus(deskActor, ref, "no_show", after)).status).toBe("no_show");
    const b = await bookSlot(booking(slots[21].id, 2));
    const onTheDay = new Date(new Date(b.appointment.start).getTime() - 60_000);
    expect((await setAppointmentStatus(deskActor, b.appointment.reference, "checked_in", onTheDay)).status).toBe("checked_in");
    expect((await setAppointmentStatus(deskActor, b.appointment.reference, "completed", onTheDay)).status).toBe("completed");
    const other: Actor = { ...deskActor, deskCodes: ["AM"] };
    await expect(setAppointmentStatus(other, b.appointment.reference, "completed")).rejects.toMatchObject({ status: 403 });

    const stats = await deskStats({ from: slots[20].date, to: slots[21].date });
    const mine = stats.filter((s) => s.deskCode === desk);
    expect(mine.reduce((n, s) => n + s.noShow, 0)).toBeGreaterThanOrEqual(1);
    expect(mine.reduce((n, s) => n + s.checkedIn, 0)).toBeGreaterThanOrEqual(2);
    expect(mine[0].places).toBeGreaterThan(0);

    const [cust] = await query<{ customer_id: string }>(`select customer_id from appointments where reference = $1`, [ref]);
    expect((await appointmentHistory(cust.customer_id))[0]).toMatchObject({ type: "appointment", reference: ref, status: "no_show" });

    const c = await bookSlot(booking(slots[40].id, 1));
    const closure = await addClosure(deskActor, desk, { fromDate: slots[40].date, toDate: slots[40].date, reason: "Verbouwing" });
    expect(closure.affected.map((x) => x.reference)).toContain(c.appointment.reference);
    const notices = await query<{ text_body: string }>(
      `select text_body from outbound_emails where kind = 'appointment.closure' and context_id = (select id::text from appointments where reference = $1)`,
      [c.appointment.reference],
    );
    expect(notices).toHaveLength(1);
    // The notice's link works (a fresh token) and lets the applicant move the appointment.
    const token = /\?token=([\w-]+)/.exec(notices[0].text_body)![1];
    expect((await getAppointment(c.appointment.reference, { token })).status).toBe("booked");
    const moved = await rescheduleAppointment(
      c.appointment.reference,
      slots[41].date !== slots[40].date ? slots[41].id : slots.find((x) => x.date > slots[40].date)!.id,
      { token },
    );
    expect(moved.status).toBe("booked");
  });
});
