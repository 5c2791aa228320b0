import "server-only";
import crypto from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import type { AppointmentPerson, AppointmentStatus } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { addDays, daysBetween, type IsoDate } from "@/lib/calendar/dates";
import { isoWithOffset, localTime, NL_TZ, todayIn } from "@/lib/calendar/time";
import { env } from "@/lib/env";
import { AppError, badRequest, conflict, forbidden, notFound, ruleViolation } from "@/lib/errors";
import { wake } from "@/lib/jobs/boss";
import { wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, SYSTEM, type EventActor } from "@/lib/platform/events";
import { pgArray } from "@/lib/platform/sql";
import { resolveCustomer } from "@/lib/customers";
import { auditRead } from "@/lib/privacy";
import { deskOr404, productOr404, reference, type DeskInfo, type ProductInfo } from "./config";
import { icsUrl, manageUrl, queueAppointmentMail, type Lang, appointmentIcs } from "./emails";
import type { AgentBookInput, BookInput } from "./schemas";
import { bookingCapQuery, checkHoldCap, identityColumns, refuseOverCap } from "./caps";
import { bookableWindow, checkSlot, parseSlotId, slotJson, slotsOnDay, type Slot } from "./slots";

/**
 * Desk appointments (spec 01): availability, holds, booking, cancel, reschedule. The capacity invariant
 * (persons booked + held ≤ places of a slot) is kept by PostgreSQL: a conditional update of the slot's
 * capacity row in the same transaction as the insert, plus a CHECK on that row. Never check-then-write.
 */
/** How long a hold lasts (APPOINTMENTS_HOLD_MINUTES, default 5: spec 01; short, so held places come back soon). */
export const holdMinutes = () => env().APPOINTMENTS_HOLD_MINUTES;
const APPLICANT: EventActor = SYSTEM("applicant");

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
/** 256 random bits, URL-safe. */
export const newToken = () => crypto.randomBytes(32).toString("base64url");

const REF_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: people read these out on the phone
export function newReference(desk: string): string {
  const bytes = crypto.randomBytes(8);
  let s = "";
  for (const b of bytes) s += REF_ALPHABET[b % 32];
  return `${desk}-${s.slice(0, 4)}-${s.slice(4)}`;
}

// ---- Reference data for the public API ------------------------------------------------------------------

export async function publicProducts() {
  const { products } = await reference();
  return [...products.values()].map((p) => ({ key: p.key, name: { nl: p.nameNl, en: p.nameEn }, minutesPerPerson: p.minutesPerPerson }));
}

export async function publicDesks(product?: string) {
  if (product) await productOr404(product);
  const { desks } = await reference();
  return [...desks.values()]
    .filter((d) => d.active && (!product || d.products.includes(product)))
    .map((d) => ({
      code: d.code,
      name: d.nameNl,
      names: { nl: d.nameNl, en: d.nameEn },
      address: d.address,
      timeZone: d.timeZone,
      products: d.products,
    }));
}

// ---- Availability ------------------------------------------------------------------------------------------

export type SlotView = ReturnType<typeof slotJson>;

/** Free places per capacity row; holds that expired count as free (they are deleted at the next booking). */
async function freePlaces(q: DbOrTx, deskCodes: string[], from: IsoDate, to: IsoDate): Promise<Map<string, number>> {
  const { rows } = await q.execute<{ id: string; free: number }>(sql`
    select s.id, s.places - s.taken + coalesce((
      select sum(h.persons) from appointment_holds h where h.slot_id = s.id and h.expires_at <= now()), 0)::int as free
    from appointment_slots s
    where s.desk_code = any(${pgArray(deskCodes)}::text[]) and s.local_date between ${from}::date and ${to}::date`);
  return new Map(rows.map((r) => [r.id, Number(r.free)]));
}

/**
 * Slots with at least `persons` free places, sorted by start: for one desk, several, or all desks that
 * offer the product ("earliest at any desk").
 */
export async function availableSlots(
  q: { desks?: string[] | null; product: string; persons: number; from?: IsoDate; to?: IsoDate; limit?: number },
  now: Date = new Date(),
): Promise<SlotView[]> {
  await productOr404(q.product);
  const all = !q.desks?.length || q.desks.includes("ALL");
  let desks: DeskInfo[];
  if (all) desks = [...(await reference()).desks.values()].filter((d) => d.active && d.products.includes(q.product));
  else {
    desks = [];
    for (const c of new Set(q.desks)) desks.push(await deskOr404(c));
    desks = desks.filter((d) => d.products.includes(q.product));
  }
  const from = q.from ?? todayIn(NL_TZ, now);
  const to = q.to ?? addDays(from, 30);
  if (to < from) throw badRequest("`to` is before `from`", { to: "before from" });
  if (daysBetween(from, to) > 100) throw badRequest("Ask for at most 100 days at a time", { to: "more than 100 days after from" });
  if (!desks.length) return [];
  const free = await freePlaces(
    db,
    desks.map((d) => d.code),
    addDays(from, -1),
    addDays(to, 1),
  );
  const computed: SlotView[] = [];
  for (const d of desks) {
    const w = bookableWindow(d, now);
    const first = from > w.first ? from : w.first;
    const last = to < w.last ? to : w.last;
    const memo = dayMemoFor(d);
    for (let date = first; date <= last; date = addDays(date, 1))
      for (const v of daySlotViews(memo, d, date))
        if (Date.parse(v.start) > now.getTime()) computed.push({ ...v, available: free.get(v.id) ?? v.available });
  }
  computed.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.desk.localeCompare(b.desk));
  const out: SlotView[] = [];
  for (const v of computed) {
    if (v.available >= q.persons) out.push(v);
    if (q.limit && out.length >= q.limit) break;
  }
  return out;
}

/**
 * A desk's slots of one day as the API shows them (places as `available`), memoised per desk configuration:
 * the arithmetic is pure, and its time-zone work is the costly part of an availability request.
 */
const dayMemo = new Map<string, Map<string, SlotView[]>>();
function dayMemoFor(d: DeskInfo): Map<string, SlotView[]> {
  const key = JSON.stringify([d.code, d.timeZone, d.calendar, d.slotMinutes, d.active, d.hours, d.closures, d.officeClosedDays]);
  let m = dayMemo.get(key);
  if (!m) {
    if (dayMemo.size > 200) dayMemo.clear();
    m = new Map();
    dayMemo.set(key, m);
  }
  return m;
}
function daySlotViews(m: Map<string, SlotView[]>, d: DeskInfo, date: IsoDate): SlotView[] {
  let v = m.get(date);
  if (!v) {
    v = slotsOnDay(d, date).map((s) => slotJson(s, d.timeZone, s.places));
    m.set(date, v);
  }
  return v;
}

// ---- Capacity: the only places where `taken` changes ---------------------------------------------------------

type Resolved = { desk: DeskInfo; slot: Slot };

/** A slot id the desk offers and that may be booked now, or the API error that says why not. */
export async function resolveSlot(slotIdValue: string, now: Date, product?: ProductInfo): Promise<Resolved> {
  const p = parseSlotId(slotIdValue);
  if (!p) throw notFound(`Slot ${slotIdValue}`);
  const desk = await deskOr404(p.desk);
  if (product && !desk.products.includes(product.key))
    throw ruleViolation("product_not_offered", `Desk ${desk.code} does not offer ${product.key}`, { product: "not offered at this desk" });
  const c = checkSlot(desk, slotIdValue, now);
  if (!c.ok) {
    if (c.reason === "unknown_slot") throw notFound(`Slot ${slotIdValue}`);
    throw ruleViolation(c.reason, c.message, { slotId: c.message });
  }
  return { desk, slot: c.slot };
}

/**
 * Creates the slot's capacity row when it has none. `also`: a query run in the same round trip (the
 * booking's identity caps), whose one value is returned.
 */
async function ensureSlotRow(tx: DbOrTx, r: Resolved, also?: SQL): Promise<unknown> {
  const insert = sql`
    insert into appointment_slots (id, desk_code, starts_at, ends_at, local_date, places, taken)
    values (${r.slot.id}, ${r.desk.code}, ${r.slot.start.toISOString()}, ${r.slot.end.toISOString()}, ${r.slot.date}, ${r.slot.places}, 0)
    on conflict (id) do nothing`;
  if (!also) {
    await tx.execute(insert);
    return undefined;
  }
  const { rows } = await tx.execute<{ value: unknown }>(sql`with slot_row as (${insert}) select (${also}) as value`);
  return rows[0]?.value;
}

/**
 * Takes `delta` places of a slot (negative frees them), releasing its expired holds in the same statement.
 * The `where taken … <= places` makes concurrent requests queue on the row and re-check: at most `places`.
 */
async function takePlaces(tx: DbOrTx, slotIdValue: string, delta: number): Promise<boolean> {
  const { rows } = await tx.execute<{ taken: number }>(sql`
    with expired as (
      delete from appointment_holds where slot_id = ${slotIdValue} and expires_at <= now() returning persons
    ), released as (select coalesce(sum(persons), 0)::int as n from expired)
    update appointment_slots s set taken = s.taken - released.n + ${delta}
    from released
    where s.id = ${slotIdValue} and s.taken - released.n + ${delta} <= s.places and s.taken - released.n + ${delta} >= 0
    returning s.taken`);
  return rows.length === 1;
}

const slotFull = () => conflict("slot_full", "The places of this slot are gone; choose another time");

/** Gives back the places of a live hold (the applicant chose another time); nothing when it has expired or gone. */
export async function releaseHold(holdId: string) {
  await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ slot_id: string; persons: number }>(
      sql`delete from appointment_holds where id = ${holdId} and expires_at > now() returning slot_id, persons`,
    );
    if (rows[0] && !(await takePlaces(tx, rows[0].slot_id, -rows[0].persons)))
      throw new Error(`capacity row ${rows[0].slot_id} would go below zero`);
  });
}

/**
 * Holds places for a few minutes. An anonymous hold carries its client key: at most
 * APPOINTMENTS_MAX_ACTIVE_HOLDS live holds per client (422 `hold_cap`); `replaces` gives back the client's
 * previous hold first (the wizard sends it when the applicant picks another time).
 */
export async function holdSlot(
  slotIdValue: string,
  persons: number,
  now: Date = new Date(),
  opts: { clientKey?: string | null; replaces?: string } = {},
) {
  const r = await resolveSlot(slotIdValue, now);
  if (opts.replaces) await releaseHold(opts.replaces);
  const expiresAt = new Date(now.getTime() + holdMinutes() * 60_000);
  const hold = await db.transaction(async (tx) => {
    if (opts.clientKey) await checkHoldCap(tx, opts.clientKey);
    await ensureSlotRow(tx, r);
    if (!(await takePlaces(tx, r.slot.id, persons))) throw slotFull();
    const { rows } = await tx.execute<{ id: string }>(
      sql`insert into appointment_holds (slot_id, persons, expires_at, client_key) values (${r.slot.id}, ${persons}, ${expiresAt.toISOString()}, ${opts.clientKey ?? null}) returning id`,
    );
    return rows[0];
  });
  return { holdId: hold.id, slotId: r.slot.id, persons, expiresAt: expiresAt.toISOString() };
}

/** A live hold on this slot becomes part of the booking: returns how many places it held (0 when none). */
async function consumeHold(tx: DbOrTx, holdId: string | undefined, slotIdValue: string): Promise<number> {
  if (!holdId) return 0;
  const { rows } = await tx.execute<{ persons: number }>(
    sql`delete from appointment_holds where id = ${holdId} and slot_id = ${slotIdValue} and expires_at > now() returning persons`,
  );
  return rows[0]?.persons ?? 0;
}

// ---- Booking ------------------------------------------------------------------------------------------------

export type AppointmentRow = {
  id: string;
  reference: string;
  slot_id: string;
  desk_code: string;
  product_key: string;
  starts_at: Date;
  ends_at: Date;
  local_date: string;
  persons: number;
  person_list: AppointmentPerson[];
  email: string | null;
  phone: string | null;
  language: Lang;
  status: AppointmentStatus;
  customer_id: string | null;
  call_id: string | null;
  created_at: Date;
  checked_in_at: Date | null;
};

const mailView = (a: AppointmentRow) => ({
  id: a.id,
  reference: a.reference,
  email: a.email,
  language: a.language,
  persons: a.persons,
  personList: a.person_list,
  startsAt: new Date(a.starts_at),
  endsAt: new Date(a.ends_at),
  status: a.status,
});

export async function appointmentJson(a: AppointmentRow, token?: string) {
  const desk = await deskOr404(a.desk_code);
  const product = await productOr404(a.product_key);
  const start = new Date(a.starts_at);
  const end = new Date(a.ends_at);
  return {
    reference: a.reference,
    status: a.status,
    desk: a.desk_code,
    deskName: { nl: desk.nameNl, en: desk.nameEn },
    address: desk.address,
    product: a.product_key,
    productName: { nl: product.nameNl, en: product.nameEn },
    slotId: a.slot_id,
    date: a.local_date,
    startTime: localTime(start, desk.timeZone),
    endTime: localTime(end, desk.timeZone),
    start: isoWithOffset(start, desk.timeZone),
    end: isoWithOffset(end, desk.timeZone),
    persons: a.person_list,
    email: a.email,
    phone: a.phone,
    language: a.language,
    ...(token ? { manageUrl: manageUrl(a.reference, token, a.language), icsUrl: icsUrl(a.reference, token) } : {}),
  };
}

/** Books `persons` places of a slot: the public form, or an agent for a caller. 409 `slot_full` when gone. */
export async function bookSlot(
  input: BookInput | AgentBookInput,
  opts: { actor?: Actor | null; now?: Date } = {},
): Promise<{ appointment: Awaited<ReturnType<typeof appointmentJson>>; token: string }> {
  const now = opts.now ?? new Date();
  const actor = opts.actor ?? null;
  if (actor) requirePermission(actor, "bookForCaller");
  const product = await productOr404(input.product);
  const r = await resolveSlot(input.slotId, now, product);
  const n = input.persons.length;
  const token = newToken();
  const ids = identityColumns(input);
  const row = await db.transaction(async (tx) => {
    // Caps per applicant identity (issue 11 item 4) for the public form; agents booking for callers are
    // not capped (a family books through one agent; the agent is signed in and every booking is logged).
    if (!actor) refuseOverCap(await ensureSlotRow(tx, r, bookingCapQuery(product.key, ids)), product.key, input.persons);
    else await ensureSlotRow(tx, r);
    const held = await consumeHold(tx, input.holdId, r.slot.id);
    if (!(await takePlaces(tx, r.slot.id, n - held))) throw slotFull();
    const first = input.persons[0];
    // The first person is the customer (lib/customers: by email, else V-number, else a phone only they have).
    const customer = await resolveCustomer(tx, {
      name: first.name,
      email: input.email,
      phone: input.phone,
      vNumber: first.vNumber,
      language: input.language,
    });
    const customerId = customer?.id ?? null;
    const { rows } = await tx.execute<AppointmentRow>(sql`
      insert into appointments (reference, slot_id, desk_code, product_key, starts_at, ends_at, local_date, persons, person_list,
        email, phone, language, token_hash, customer_id, booked_by, call_id, cap_email, cap_phone, cap_v_numbers)
      values (${newReference(r.desk.code)}, ${r.slot.id}, ${r.desk.code}, ${product.key}, ${r.slot.start.toISOString()}, ${r.slot.end.toISOString()},
        ${r.slot.date}, ${n}, ${JSON.stringify(input.persons.map((p) => ({ name: p.name, vNumber: p.vNumber ?? null })))}::jsonb,
        ${input.email ?? null}, ${input.phone ?? null}, ${input.language}, ${hashToken(token)}, ${customerId},
        ${actor?.kind === "user" ? actor.id : null}, ${"callId" in input ? (input.callId ?? null) : null},
        ${ids.email}, ${ids.phone}, ${pgArray(ids.vNumbers)}::text[])
      returning *`);
    const a = rows[0];
    await recordEvent(tx, actor ?? APPLICANT, "appointment", a.reference, "booked", {
      slotId: r.slot.id,
      persons: n,
      product: product.key,
      callId: a.call_id,
    });
    await queueAppointmentMail(tx, "confirmation", mailView(a), r.desk, product, { token });
    return a;
  });
  await wakeOutbox();
  return { appointment: await appointmentJson(row, token), token };
}

// ---- Manage: by token (applicant) or by an agent -------------------------------------------------------------

export type ManageAuth = { token: string } | { actor: Actor };

async function loadForManage(q: DbOrTx, ref: string, auth: ManageAuth, lock = false): Promise<AppointmentRow> {
  const lockSql = lock ? sql` for update` : sql``;
  if ("token" in auth) {
    const { rows } = await q.execute<AppointmentRow>(
      sql`select * from appointments where reference = ${ref} and token_hash = ${hashToken(auth.token)}${lockSql}`,
    );
    // The reference alone gives nothing: a wrong token looks exactly like an unknown reference.
    if (!rows[0])
      throw new AppError(404, "not_found", "No appointment with this reference and manage token", {
        token: "does not match this reference",
      });
    return rows[0];
  }
  const { rows } = await q.execute<AppointmentRow>(sql`select * from appointments where reference = ${ref}${lockSql}`);
  if (!rows[0]) throw notFound(`Appointment ${ref}`);
  const a = rows[0];
  const actor = auth.actor;
  if (!(actor.role === "desk" ? actor.deskCodes.includes(a.desk_code) : true)) throw forbidden("This appointment is at another desk");
  return a;
}

const authActor = (auth: ManageAuth): EventActor => ("actor" in auth ? auth.actor : APPLICANT);
function requireManager(auth: ManageAuth) {
  if ("actor" in auth && auth.actor.role !== "desk") requirePermission(auth.actor, "bookForCaller");
  if ("actor" in auth && auth.actor.role === "desk") requirePermission(auth.actor, "runDesk");
}

export async function getAppointment(ref: string, auth: ManageAuth) {
  requireManager(auth);
  if ("actor" in auth) {
    return db.transaction(async (tx) => {
      const a = await loadForManage(tx, ref, auth);
      await auditRead(
        auth.actor,
        { entityType: "appointment", id: a.reference, customers: [a.customer_id], purpose: "appointment_view" },
        tx,
      );
      return appointmentJson(a);
    });
  }
  const a = await loadForManage(db, ref, auth);
  return appointmentJson(a, auth.token);
}

async function recordOpening(tx: DbOrTx, a: { desk_code: string; slot_id: string; local_date: string }) {
  await tx.execute(
    sql`insert into appointment_openings (desk_code, slot_id, local_date) values (${a.desk_code}, ${a.slot_id}, ${a.local_date})`,
  );
}

async function wakeAlerts() {
  await wake(ALERTS_QUEUE);
}
export const ALERTS_QUEUE = "appointments-slot-alerts";

/** Cancels and frees the places at once (in the same transaction). */
export async function cancelAppointment(ref: string, auth: ManageAuth, now: Date = new Date()) {
  requireManager(auth);
  const a = await db.transaction(async (tx) => {
    const a = await loadForManage(tx, ref, auth, true);
    if (a.status !== "booked")
      throw ruleViolation("not_booked", `This appointment is ${a.status}; only a booked appointment can be cancelled`);
    if (new Date(a.starts_at) <= now) throw ruleViolation("appointment_started", "This appointment has already started");
    const { rows } = await tx.execute<AppointmentRow>(
      sql`update appointments set status = 'cancelled', cancelled_at = now() where id = ${a.id} and status = 'booked' returning *`,
    );
    if (!(await takePlaces(tx, a.slot_id, -a.persons))) throw new Error(`capacity row ${a.slot_id} would go below zero`);
    await recordOpening(tx, a);
    await recordEvent(tx, authActor(auth), "appointment", a.reference, "cancelled", {});
    await queueAppointmentMail(tx, "cancellation", mailView(rows[0]), await deskOr404(a.desk_code), await productOr404(a.product_key));
    return rows[0];
  });
  await wakeOutbox();
  await wakeAlerts();
  return appointmentJson(a);
}

/** Moves to another slot in one transaction: the new places are taken and the old freed, or nothing changes. */
export async function rescheduleAppointment(ref: string, newSlotId: string, auth: ManageAuth, opts: { holdId?: string; now?: Date } = {}) {
  requireManager(auth);
  const now = opts.now ?? new Date();
  // An agent's change gets the applicant a fresh manage link (the old token is replaced: only hashes are kept).
  const token = "token" in auth ? auth.token : newToken();
  const a = await db.transaction(async (tx) => {
    const a = await loadForManage(tx, ref, auth, true);
    if (a.status !== "booked") throw ruleViolation("not_booked", `This appointment is ${a.status}; only a booked appointment can be moved`);
    if (a.slot_id === newSlotId)
      throw ruleViolation("same_slot", "This is the current time of the appointment", { slotId: "the current slot" });
    const product = await productOr404(a.product_key);
    const r = await resolveSlot(newSlotId, now, product);
    await ensureSlotRow(tx, r);
    const held = await consumeHold(tx, opts.holdId, r.slot.id);
    if (!(await takePlaces(tx, r.slot.id, a.persons - held))) throw slotFull();
    if (!(await takePlaces(tx, a.slot_id, -a.persons))) throw new Error(`capacity row ${a.slot_id} would go below zero`);
    const { rows } = await tx.execute<AppointmentRow & { sequence: number }>(sql`
      update appointments set slot_id = ${r.slot.id}, desk_code = ${r.desk.code}, starts_at = ${r.slot.start.toISOString()},
        ends_at = ${r.slot.end.toISOString()}, local_date = ${r.slot.date}, reminder_sent_at = null, closure_notified_at = null,
        token_hash = ${hashToken(token)}
      where id = ${a.id} returning *`);
    await recordOpening(tx, a);
    await recordEvent(tx, authActor(auth), "appointment", a.reference, "rescheduled", { from: a.slot_id, to: r.slot.id });
    const seq = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from events where entity_type = 'appointment' and entity_id = ${a.reference} and action = 'rescheduled'`,
    );
    await queueAppointmentMail(tx, "reschedule", mailView(rows[0]), r.desk, product, { token, sequence: seq.rows[0].n });
    return rows[0];
  });
  await wakeOutbox();
  await wakeAlerts();
  return appointmentJson(a, "token" in auth ? token : undefined);
}

export async function appointmentIcsText(ref: string, token: string): Promise<string> {
  const a = await loadForManage(db, ref, { token });
  return appointmentIcs(mailView(a), await deskOr404(a.desk_code), await productOr404(a.product_key));
}

// ---- Agents and desk staff ------------------------------------------------------------------------------------

/** Find by reference, name, email, phone or V-number (agents). */
export async function searchAppointments(actor: Actor, q: string) {
  requirePermission(actor, "bookForCaller");
  const like = `%${q.replace(/[%_\\]/g, (c) => "\\" + c)}%`;
  const digits = q.replace(/\D/g, "");
  const { rows } = await db.execute<AppointmentRow>(sql`
    select * from appointments
    where upper(reference) = upper(${q})
       or lower(email) = lower(${q})
       or (length(${digits}) >= 6 and regexp_replace(coalesce(phone, ''), '\D', '', 'g') like ${"%" + digits + "%"})
       or person_list @> ${JSON.stringify([{ vNumber: q }])}::jsonb
       or exists (select 1 from jsonb_array_elements(person_list) p where p->>'name' ilike ${like})
    order by starts_at desc limit 50`);
  await auditRead(actor, {
    entityType: "appointment",
    ids: rows.map((a) => a.reference),
    customers: rows.map((a) => a.customer_id),
    purpose: "appointment_search",
    search: q,
  });
  return Promise.all(rows.map((a) => appointmentJson(a)));
}

function requireDesk(actor: Actor, deskCode: string) {
  requirePermission(actor, "runDesk");
  if (actor.role === "desk" && !actor.deskCodes.includes(deskCode)) throw forbidden(`You do not work at desk ${deskCode}`);
}

/** The day's list of a desk (time, reference, names, persons, product, status). */
export async function deskDay(actor: Actor, deskCode: string, date: IsoDate) {
  requireDesk(actor, deskCode);
  await deskOr404(deskCode);
  const { rows } = await db.execute<AppointmentRow>(
    sql`select * from appointments where desk_code = ${deskCode} and local_date = ${date} and status <> 'cancelled' order by starts_at, reference`,
  );
  await auditRead(actor, {
    entityType: "appointment",
    ids: rows.map((a) => a.reference),
    customers: rows.map((a) => a.customer_id),
    purpose: "desk_day",
    filters: { desk: deskCode, date },
    dedupeMinutes: 10,
  });
  return Promise.all(rows.map(async (a) => ({ ...(await appointmentJson(a)), canNoShow: new Date(a.ends_at) <= new Date() })));
}

const TRANSITIONS: Record<"checked_in" | "completed" | "no_show", AppointmentStatus[]> = {
  checked_in: ["booked"],
  completed: ["checked_in"],
  no_show: ["booked"],
};

/** Check-in, completed, no-show (only after the slot has ended). */
export async function setAppointmentStatus(
  actor: Actor,
  ref: string,
  status: "checked_in" | "completed" | "no_show",
  now: Date = new Date(),
) {
  requirePermission(actor, "runDesk");
  const a = await db.transaction(async (tx) => {
    const { rows } = await tx.execute<AppointmentRow>(sql`select * from appointments where reference = ${ref} for update`);
    const a = rows[0];
    if (!a) throw notFound(`Appointment ${ref}`);
    requireDesk(actor, a.desk_code);
    if (!TRANSITIONS[status].includes(a.status))
      throw ruleViolation("bad_transition", `An appointment that is ${a.status} cannot become ${status}`);
    if (status === "no_show" && new Date(a.ends_at) > now)
      throw ruleViolation("slot_not_ended", "A no-show can be recorded only after the slot has ended");
    if (status === "checked_in" && a.local_date > todayIn((await deskOr404(a.desk_code)).timeZone, now))
      throw ruleViolation("not_today", "Check-in is possible on the day of the appointment");
    const stamp = status === "checked_in" ? sql`, checked_in_at = now()` : status === "completed" ? sql`, completed_at = now()` : sql``;
    const upd = await tx.execute<AppointmentRow>(sql`update appointments set status = ${status}${stamp} where id = ${a.id} returning *`);
    await recordEvent(tx, actor, "appointment", a.reference, status, { from: a.status });
    return upd.rows[0];
  });
  return appointmentJson(a);
}
