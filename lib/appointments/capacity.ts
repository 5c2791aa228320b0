import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import type { IsoDate } from "@/lib/calendar/dates";
import { forbidden } from "@/lib/errors";
import { wake } from "@/lib/jobs/boss";
import { wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent } from "@/lib/platform/events";
import { deskOr404, invalidateReference, productOr404 } from "./config";
import { queueAppointmentMail } from "./emails";
import type { AppointmentRow } from "./service";
import { ALERTS_QUEUE, hashToken, newToken } from "./service";
import { slotsOnDay, type OpeningPeriod } from "./slots";

/** The capacity editor of desk staff (their own desks) and admins: opening hours, places, closures. */
function requireDeskEditor(actor: Actor, deskCode: string) {
  requirePermission(actor, "runDesk");
  if (actor.role === "desk" && !actor.deskCodes.includes(deskCode)) throw forbidden(`You do not work at desk ${deskCode}`);
}

export async function deskCapacity(actor: Actor, deskCode: string) {
  requireDeskEditor(actor, deskCode);
  const d = await deskOr404(deskCode);
  const { rows } = await db.execute<{ id: string; from_date: string; to_date: string; reason: string }>(
    sql`select id, from_date, to_date, reason from desk_closures where desk_code = ${deskCode} order by from_date desc limit 100`,
  );
  return {
    code: d.code,
    name: { nl: d.nameNl, en: d.nameEn },
    timeZone: d.timeZone,
    slotMinutes: d.slotMinutes,
    horizonDays: d.horizonDays,
    minNoticeDays: d.minNoticeDays,
    hours: [...d.hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    closures: rows.map((r) => ({ id: r.id, fromDate: r.from_date, toDate: r.to_date, reason: r.reason })),
  };
}

/**
 * Replaces the weekly opening hours and slot settings. Existing capacity rows in the future get the new
 * places (never fewer than already taken); more places than before is an opening for slot alerts.
 */
export async function saveOpeningHours(
  actor: Actor,
  deskCode: string,
  input: { slotMinutes: number; horizonDays: number; minNoticeDays: number; hours: OpeningPeriod[] },
) {
  requireDeskEditor(actor, deskCode);
  const desk = await deskOr404(deskCode);
  let opened = 0;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update desks set slot_minutes = ${input.slotMinutes}, horizon_days = ${input.horizonDays}, min_notice_days = ${input.minNoticeDays} where code = ${deskCode}`,
    );
    await tx.execute(sql`delete from desk_opening_hours where desk_code = ${deskCode}`);
    for (const h of input.hours)
      await tx.execute(
        sql`insert into desk_opening_hours (desk_code, weekday, opens, closes, places) values (${deskCode}, ${h.weekday}, ${h.opens}, ${h.closes}, ${h.places})`,
      );
    const next = { ...desk, ...input };
    const { rows } = await tx.execute<{ id: string; local_date: string; places: number; taken: number }>(
      sql`select id, local_date, places, taken from appointment_slots where desk_code = ${deskCode} and starts_at > now() for update`,
    );
    const byDate = new Map<string, Map<string, number>>();
    for (const r of rows) {
      let day = byDate.get(r.local_date);
      if (!day) {
        day = new Map(slotsOnDay(next, r.local_date, { evenWhenClosed: true }).map((s) => [s.id, s.places]));
        byDate.set(r.local_date, day);
      }
      const places = Math.max(r.taken, day.get(r.id) ?? 0);
      if (places !== r.places) {
        await tx.execute(sql`update appointment_slots set places = ${places} where id = ${r.id}`);
        if (places > r.places) {
          opened++;
          await tx.execute(
            sql`insert into appointment_openings (desk_code, slot_id, local_date) values (${deskCode}, ${r.id}, ${r.local_date})`,
          );
        }
      }
    }
    // New capacity on days without rows yet is an opening too: one marker for the desk.
    await tx.execute(sql`insert into appointment_openings (desk_code, slot_id, local_date) values (${deskCode}, null, current_date)`);
    await recordEvent(tx, actor, "desk", deskCode, "hours-changed", { ...input, capacityRowsOpened: opened });
  });
  invalidateReference();
  await wake(ALERTS_QUEUE);
  return deskCapacity(actor, deskCode);
}

/**
 * Closes a desk for a period. Bookings in it stay booked but are listed, and each applicant gets an
 * email asking to choose another time (spec 01; the seed: Amsterdam moved on 23 October 2012).
 */
export async function addClosure(actor: Actor, deskCode: string, c: { fromDate: IsoDate; toDate: IsoDate; reason: string }) {
  requireDeskEditor(actor, deskCode);
  const desk = await deskOr404(deskCode);
  const result = await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      insert into desk_closures (desk_code, from_date, to_date, reason, created_by)
      values (${deskCode}, ${c.fromDate}, ${c.toDate}, ${c.reason}, ${actor.kind === "user" ? actor.id : null}) returning id`);
    const affected = await tx.execute<AppointmentRow>(sql`
      update appointments set closure_notified_at = now()
      where desk_code = ${deskCode} and status = 'booked' and local_date between ${c.fromDate}::date and ${c.toDate}::date
      returning *`);
    for (const a of affected.rows) {
      // The notice carries a fresh manage link (only token hashes are stored, so the old one cannot be resent).
      const token = newToken();
      await tx.execute(sql`update appointments set token_hash = ${hashToken(token)} where id = ${a.id}`);
      await queueAppointmentMail(
        tx,
        "closure",
        {
          id: a.id,
          reference: a.reference,
          email: a.email,
          language: a.language,
          persons: a.persons,
          personList: a.person_list,
          startsAt: new Date(a.starts_at),
          endsAt: new Date(a.ends_at),
        },
        desk,
        await productOr404(a.product_key),
        { reason: c.reason, token },
      );
      await recordEvent(tx, actor, "appointment", a.reference, "closure-notified", { closure: rows[0].id });
    }
    await recordEvent(tx, actor, "desk", deskCode, "closure-added", { ...c, affected: affected.rows.length });
    return {
      id: rows[0].id,
      affected: affected.rows.map((a) => ({
        reference: a.reference,
        date: a.local_date,
        names: a.person_list.map((p) => p.name),
        email: a.email,
        phone: a.phone,
      })),
    };
  });
  invalidateReference();
  await wakeOutbox();
  return result;
}

export async function removeClosure(actor: Actor, deskCode: string, id: string) {
  requireDeskEditor(actor, deskCode);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from desk_closures where id = ${id} and desk_code = ${deskCode}`);
    await tx.execute(sql`insert into appointment_openings (desk_code, slot_id, local_date) values (${deskCode}, null, current_date)`);
    await recordEvent(tx, actor, "desk", deskCode, "closure-removed", { id });
  });
  invalidateReference();
}
