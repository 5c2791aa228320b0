import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { addDays, type IsoDate } from "@/lib/calendar/dates";
import { NL_TZ, todayIn } from "@/lib/calendar/time";
import { appUrl } from "@/lib/env";
import { ruleViolation } from "@/lib/errors";
import { queueEmail, wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { deskOr404, productOr404 } from "./config";
import type { Lang } from "./emails";
import { pgArray } from "@/lib/platform/sql";
import { availableSlots, hashToken, newToken } from "./service";

/**
 * Slot alerts (spec 01): "tell me when an earlier slot opens". Double opt-in; when places open up
 * (cancellation, reschedule, new capacity) before the applicant's date, each confirmed alert that matches
 * gets one email — the status moves confirmed → notified with a conditional update, so never twice.
 */
const PENDING_HOURS = 48;

const confirmLink = (t: string) => `${appUrl()}/api/v1/slot-alerts/confirm?token=${encodeURIComponent(t)}`;
const unsubscribeLink = (t: string) => `${appUrl()}/api/v1/slot-alerts/unsubscribe?token=${encodeURIComponent(t)}`;

export async function createSlotAlert(
  input: { email: string; product: string; persons: number; desks: "ALL" | string[]; before: IsoDate; language: Lang },
  now = new Date(),
) {
  const product = await productOr404(input.product);
  const desks = input.desks === "ALL" ? [] : [...new Set(input.desks)];
  for (const d of desks) await deskOr404(d);
  if (input.before <= todayIn(NL_TZ, now))
    throw ruleViolation("date_in_past", "The date must be in the future", { before: "not in the future" });
  const confirm = newToken();
  const unsubscribe = newToken();
  const l = input.language;
  const id = await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      insert into slot_alerts (email, product_key, persons, desk_codes, before, language, confirm_token_hash, unsubscribe_token_hash)
      values (${input.email}, ${product.key}, ${input.persons}, ${pgArray(desks)}::text[], ${input.before}, ${l}, ${hashToken(confirm)}, ${hashToken(unsubscribe)})
      returning id`);
    const where = desks.length ? desks.join(", ") : l === "en" ? "any desk" : "elk loket";
    await queueEmail(tx, {
      to: input.email,
      language: l,
      kind: "appointment.alert-confirm",
      contextType: "slot-alert",
      contextId: rows[0].id,
      subject: l === "en" ? "Confirm your IND slot alert" : "Bevestig uw melding voor een eerdere IND-afspraak",
      text:
        l === "en"
          ? `You asked to hear when a place opens up before ${input.before} (${product.nameEn}, ${input.persons} person(s), ${where}).\n\nConfirm: ${confirmLink(confirm)}\n\nDid not ask for this? Ignore this email; nothing happens.\n\nUnsubscribe: ${unsubscribeLink(unsubscribe)}`
          : `U wilt bericht als er vóór ${input.before} een plek vrijkomt (${product.nameNl}, ${input.persons} persoon/personen, ${where}).\n\nBevestig: ${confirmLink(confirm)}\n\nNiet aangevraagd? Negeer deze e-mail; er gebeurt dan niets.\n\nAfmelden: ${unsubscribeLink(unsubscribe)}`,
      headers: { "List-Unsubscribe": `<${unsubscribeLink(unsubscribe)}>` },
    });
    await recordEvent(tx, SYSTEM("applicant"), "slot-alert", rows[0].id, "created", { product: product.key, before: input.before });
    return rows[0].id;
  });
  await wakeOutbox();
  return { id, status: "pending" as const, unsubscribeToken: unsubscribe };
}

export async function confirmSlotAlert(token: string): Promise<"confirmed" | "invalid"> {
  const { rows } = await db.execute<{ id: string }>(sql`
    update slot_alerts set status = 'confirmed', confirmed_at = now()
    where confirm_token_hash = ${hashToken(token)} and status = 'pending' and created_at > now() - make_interval(hours => ${PENDING_HOURS})
    returning id`);
  if (rows[0]) await recordEvent(db, SYSTEM("applicant"), "slot-alert", rows[0].id, "confirmed");
  return rows[0] ? "confirmed" : "invalid";
}

export async function unsubscribeSlotAlert(token: string): Promise<"unsubscribed" | "invalid"> {
  const { rows } = await db.execute<{ id: string }>(sql`
    update slot_alerts set status = 'unsubscribed', ended_at = now()
    where unsubscribe_token_hash = ${hashToken(token)} and status in ('pending','confirmed') returning id`);
  if (rows[0]) await recordEvent(db, SYSTEM("applicant"), "slot-alert", rows[0].id, "unsubscribed");
  return rows[0] ? "unsubscribed" : "invalid";
}

type AlertRow = {
  id: string;
  email: string;
  product_key: string;
  persons: number;
  desk_codes: string[];
  before: string;
  language: Lang;
  confirmed_at: Date;
  unsubscribe_token_hash: string;
};

/**
 * The job (every 30 s, and woken on every cancellation): expires old alerts, takes the openings not yet
 * processed, and mails each confirmed alert that one of them matches and for which a place is free now.
 */
export async function processSlotAlerts(now: Date = new Date()): Promise<{ openings: number; notified: number }> {
  const today = todayIn(NL_TZ, now);
  await db.execute(sql`
    update slot_alerts set status = 'expired', ended_at = ${now.toISOString()}
    where (status in ('pending','confirmed') and before <= ${today}::date)
       or (status = 'pending' and created_at < ${now.toISOString()}::timestamptz - make_interval(hours => ${PENDING_HOURS}))`);
  let notified = 0;
  const openings = await db.transaction(async (tx) => {
    const { rows: opened } = await tx.execute<{ id: number; desk_code: string; local_date: string; created_at: Date }>(sql`
      update appointment_openings set processed_at = now()
      where id in (select id from appointment_openings where processed_at is null order by id limit 1000 for update skip locked)
      returning id, desk_code, local_date, created_at`);
    if (!opened.length) return 0;
    const { rows: alerts } = await tx.execute<AlertRow>(sql`select * from slot_alerts where status = 'confirmed' for update skip locked`);
    for (const alert of alerts) {
      const matches = opened.some(
        (o) =>
          (!alert.desk_codes.length || alert.desk_codes.includes(o.desk_code)) &&
          o.local_date < alert.before &&
          new Date(alert.confirmed_at) <= new Date(o.created_at),
      );
      if (!matches) continue;
      const [slot] = await availableSlots(
        {
          desks: alert.desk_codes.length ? alert.desk_codes : null,
          product: alert.product_key,
          persons: alert.persons,
          from: today,
          to: addDays(alert.before, -1),
          limit: 1,
        },
        now,
      );
      if (!slot) continue;
      const { rows: done } = await tx.execute<{ id: string }>(
        sql`update slot_alerts set status = 'notified', notified_at = now(), ended_at = now() where id = ${alert.id} and status = 'confirmed' returning id`,
      );
      if (!done[0]) continue;
      const l = alert.language;
      const product = await productOr404(alert.product_key);
      const book = `${appUrl()}/afspraak?product=${alert.product_key}&persons=${alert.persons}${alert.desk_codes.length === 1 ? `&desk=${alert.desk_codes[0]}` : ""}&lang=${l}`;
      await queueEmail(tx, {
        to: alert.email,
        language: l,
        kind: "appointment.alert-open",
        contextType: "slot-alert",
        contextId: alert.id,
        subject: l === "en" ? "An earlier IND appointment is available" : "Er is een eerdere IND-afspraak vrij",
        text:
          l === "en"
            ? `A place opened up for ${product.nameEn}: ${slot.date} at ${slot.startTime} (desk ${slot.desk}), and possibly more.\n\nBook now (first come, first served): ${book}\n\nThis alert has now ended. You can set a new one on the booking page.`
            : `Er is een plek vrijgekomen voor ${product.nameNl}: ${slot.date} om ${slot.startTime} (loket ${slot.desk}), en misschien meer.\n\nBoek nu (wie het eerst komt): ${book}\n\nDeze melding is nu beëindigd. U kunt op de afspraakpagina een nieuwe aanvragen.`,
      });
      await recordEvent(tx, SYSTEM("slot-alerts"), "slot-alert", alert.id, "notified", { slotId: slot.id });
      notified++;
    }
    return opened.length;
  });
  if (notified) await wakeOutbox();
  return { openings, notified };
}
