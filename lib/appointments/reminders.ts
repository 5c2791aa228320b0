import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { deskOr404, productOr404 } from "./config";
import { queueAppointmentMail } from "./emails";
import type { AppointmentRow } from "./service";

/**
 * The reminder the day before: every booked appointment whose local date is tomorrow in its desk's time
 * zone (or today, when booked late) gets one; `reminder_sent_at` is set in the same statement that picks
 * it, so two workers never send it twice.
 */
export async function sendReminders(now: Date = new Date()): Promise<number> {
  const sent = await db.transaction(async (tx) => {
    const { rows } = await tx.execute<AppointmentRow>(sql`
      update appointments a set reminder_sent_at = ${now.toISOString()}
      from desks d
      where d.code = a.desk_code and a.status = 'booked' and a.reminder_sent_at is null
        and a.starts_at > ${now.toISOString()}::timestamptz
        and a.local_date <= ((${now.toISOString()}::timestamptz at time zone d.time_zone)::date + 1)
        and a.created_at < ${now.toISOString()}::timestamptz - interval '1 hour'
      returning a.*`);
    for (const a of rows) {
      await queueAppointmentMail(
        tx,
        "reminder",
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
        await deskOr404(a.desk_code),
        await productOr404(a.product_key),
      );
      await recordEvent(tx, SYSTEM("reminders"), "appointment", a.reference, "reminder-sent");
    }
    return rows.length;
  });
  if (sent) await wakeOutbox();
  return sent;
}

/** Expired holds give their places back (bookings also release them on the way; this keeps rows tidy). */
export async function releaseExpiredHolds(): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    with expired as (delete from appointment_holds where expires_at <= now() returning slot_id, persons),
    per_slot as (select slot_id, sum(persons)::int as n from expired group by slot_id),
    upd as (update appointment_slots s set taken = s.taken - p.n from per_slot p where s.id = p.slot_id returning p.n)
    select coalesce(sum(n), 0)::int as n from upd`);
  return rows[0]?.n ?? 0;
}
