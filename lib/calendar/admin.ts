import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { atwDecreeDays, officeClosedDays } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/platform/events";
import { ATW_DECREES } from "./atw-decrees";
import { calendarChanged } from "./changes";
import { isIsoDate } from "./dates";
import { CALENDARS, type CalendarName } from "./holidays";

/**
 * Admin → Kalenders: the two calendars the app keeps apart.
 * - Statutory (Algemene termijnenwet art. 3(3)): days made equal to a holiday by a royal decree published
 *   after this release. They move statutory deadlines (complaints) for every desk and close nothing.
 * - Office (office_closed_days): days the KIC and all Dutch desks (NL), or all desks of an island (BON, EUX,
 *   SAB), are closed — including an island day whose date is set each year, such as Saba's Carnival
 *   Monday. They change opening hours, bookable slots and SLA clocks, never a statutory deadline.
 */

const isoDate = z.string().refine(isIsoDate, "not a date (YYYY-MM-DD)");
const text = (max: number) => z.string().trim().min(1, "required").max(max);

export const atwDayInputSchema = z.object({
  day: isoDate,
  nameNl: text(120),
  nameEn: text(120),
  /** The decree's title and its Staatscourant/Staatsblad reference. */
  decree: z.string().trim().min(5, "give the decree's title and its Staatscourant reference").max(500),
});

export const closedDayInputSchema = z.object({
  calendar: z.enum(CALENDARS as [CalendarName, ...CalendarName[]]),
  day: isoDate,
  name: text(120),
});

/** The shipped decrees (read-only, with their citations) and the days admins added. */
export async function listAtwDays(actor: Actor | null) {
  requirePermission(actor, "administer");
  const added = await db
    .select({
      id: atwDecreeDays.id,
      day: atwDecreeDays.day,
      nameNl: atwDecreeDays.nameNl,
      nameEn: atwDecreeDays.nameEn,
      decree: atwDecreeDays.decree,
    })
    .from(atwDecreeDays)
    .orderBy(asc(atwDecreeDays.day));
  return { shipped: ATW_DECREES, added };
}

export async function addAtwDay(actor: Actor | null, input: z.infer<typeof atwDayInputSchema>) {
  const a = requirePermission(actor, "administer");
  if (ATW_DECREES.some((d) => d.days.some((x) => x.date === input.day)))
    throw conflict("atw_day_shipped", `${input.day} is already a decree day of a shipped decree`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(atwDecreeDays)
      .values({ ...input, createdBy: a.kind === "user" ? a.id : null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("atw_day_exists", `${input.day} is already a decree day`);
    await recordEvent(tx, a, "atw_decree_day", row.id, "added", input);
    return row;
  });
}

/**
 * Removing a decree day does not recompute the deadlines stored on open complaints (they were told their
 * date); a new step on a complaint recomputes its deadline with the calendar as it is then.
 */
export async function removeAtwDay(actor: Actor | null, id: string) {
  const a = requirePermission(actor, "administer");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(atwDecreeDays).where(eq(atwDecreeDays.id, id)).returning();
    if (!row) throw notFound("Decree day");
    await recordEvent(tx, a, "atw_decree_day", id, "removed", { day: row.day });
    return { removed: id };
  });
}

export async function listClosedDays(actor: Actor | null) {
  requirePermission(actor, "administer");
  return db
    .select({ id: officeClosedDays.id, calendar: officeClosedDays.calendar, day: officeClosedDays.day, name: officeClosedDays.name })
    .from(officeClosedDays)
    .where(sql`${officeClosedDays.day} >= current_date - 366`)
    .orderBy(asc(officeClosedDays.day), asc(officeClosedDays.calendar));
}

export async function addClosedDay(actor: Actor | null, input: z.infer<typeof closedDayInputSchema>) {
  const a = requirePermission(actor, "administer");
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(officeClosedDays)
      .values({ ...input, createdBy: a.kind === "user" ? a.id : null })
      .onConflictDoNothing()
      .returning();
    if (!r) throw conflict("closed_day_exists", `${input.calendar} is already closed on ${input.day}`);
    await recordEvent(tx, a, "office_closed_day", r.id, "added", input);
    return r;
  });
  calendarChanged();
  return row;
}

export async function removeClosedDay(actor: Actor | null, id: string) {
  const a = requirePermission(actor, "administer");
  const out = await db.transaction(async (tx) => {
    const [row] = await tx.delete(officeClosedDays).where(eq(officeClosedDays.id, id)).returning();
    if (!row) throw notFound("Closed day");
    await recordEvent(tx, a, "office_closed_day", id, "removed", { calendar: row.calendar, day: row.day });
    return { removed: id };
  });
  calendarChanged();
  return out;
}
