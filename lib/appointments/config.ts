import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notFound } from "@/lib/errors";
import { calendarVersion } from "@/lib/calendar/changes";
import { isCaribbean, type CalendarName } from "@/lib/calendar/holidays";
import type { DeskConfig, OpeningPeriod } from "./slots";

/**
 * The reference data slot arithmetic needs (desks, opening hours, closures, office closed days, products),
 * read in one round of queries and kept for a few seconds per instance: availability is asked for far
 * more often than it changes, and the public responses are cacheable for 5 s anyway. Capacity itself is
 * never cached: it lives in appointment_slots and is checked by the database at booking time.
 */
export type DeskInfo = DeskConfig & { nameNl: string; nameEn: string; address: string; placesPerSlot: number };
export type ProductInfo = { key: string; nameNl: string; nameEn: string; minutesPerPerson: number };
type Reference = { desks: Map<string, DeskInfo>; products: Map<string, ProductInfo>; loadedAt: number };

const TTL_MS = 3000;
const g = globalThis as unknown as { __apptRef?: Promise<Reference>; __apptRefAt?: number; __apptRefCalendar?: number };

/** Opening hours a desk without rows of its own gets: weekdays, a lunch break, its default places. */
export function defaultHours(calendar: CalendarName, places: number): OpeningPeriod[] {
  const periods = isCaribbean(calendar)
    ? [
        ["08:00", "12:00"],
        ["13:00", "16:00"],
      ]
    : [
        ["09:00", "12:30"],
        ["13:30", "17:00"],
      ];
  return [1, 2, 3, 4, 5].flatMap((weekday) => periods.map(([opens, closes]) => ({ weekday, opens, closes, places })));
}

async function load(): Promise<Reference> {
  const [d, h, c, x, p, dp] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`select * from desks order by code`),
    db.execute<{ desk_code: string; weekday: number; opens: string; closes: string; places: number }>(
      sql`select * from desk_opening_hours`,
    ),
    db.execute<{ desk_code: string; from_date: string; to_date: string; reason: string }>(
      sql`select desk_code, from_date, to_date, reason from desk_closures where to_date >= current_date - 2`,
    ),
    db.execute<{ calendar: string; day: string }>(sql`select calendar, day from office_closed_days`),
    db.execute<{ key: string; name_nl: string; name_en: string; minutes_per_person: number }>(sql`select * from products order by key`),
    db.execute<{ desk_code: string; product_key: string }>(sql`select * from desk_products`),
  ]);
  const desks = new Map<string, DeskInfo>();
  for (const r of d.rows) {
    const code = r.code as string;
    const calendar = r.holiday_calendar as CalendarName;
    const hours = h.rows
      .filter((o) => o.desk_code === code)
      .map((o) => ({ weekday: o.weekday, opens: o.opens, closes: o.closes, places: o.places }));
    desks.set(code, {
      code,
      nameNl: r.name_nl as string,
      nameEn: r.name_en as string,
      address: r.address as string,
      timeZone: r.time_zone as string,
      calendar,
      slotMinutes: r.slot_minutes as number,
      placesPerSlot: r.places_per_slot as number,
      horizonDays: r.horizon_days as number,
      minNoticeDays: r.min_notice_days as number,
      active: r.active as boolean,
      hours: hours.length ? hours : defaultHours(calendar, r.places_per_slot as number),
      closures: c.rows.filter((o) => o.desk_code === code).map((o) => ({ fromDate: o.from_date, toDate: o.to_date, reason: o.reason })),
      officeClosedDays: x.rows.filter((o) => o.calendar === calendar).map((o) => o.day),
      products: dp.rows
        .filter((o) => o.desk_code === code)
        .map((o) => o.product_key)
        .sort(),
    });
  }
  const products = new Map<string, ProductInfo>();
  for (const r of p.rows) products.set(r.key, { key: r.key, nameNl: r.name_nl, nameEn: r.name_en, minutesPerPerson: r.minutes_per_person });
  return { desks, products, loadedAt: Date.now() };
}

export async function reference(opts: { fresh?: boolean } = {}): Promise<Reference> {
  // An office closed day added or removed in this instance (lib/calendar/changes.ts) reloads at once.
  const calendar = calendarVersion();
  if (opts.fresh || !g.__apptRef || Date.now() - (g.__apptRefAt ?? 0) > TTL_MS || g.__apptRefCalendar !== calendar) {
    g.__apptRefAt = Date.now();
    g.__apptRefCalendar = calendar;
    g.__apptRef = load().catch((e) => {
      g.__apptRef = undefined;
      throw e;
    });
  }
  return g.__apptRef;
}

/** After an edit in this instance: the next read loads afresh. */
export function invalidateReference() {
  g.__apptRef = undefined;
}

/** A desk by code (reloading once when it is not known yet: a desk added a moment ago), or 404. */
export async function deskOr404(code: string): Promise<DeskInfo> {
  let d = (await reference()).desks.get(code);
  if (!d) d = (await reference({ fresh: true })).desks.get(code);
  if (!d) throw notFound(`Desk ${code}`);
  return d;
}

export async function productOr404(key: string): Promise<ProductInfo> {
  let p = (await reference()).products.get(key);
  if (!p) p = (await reference({ fresh: true })).products.get(key);
  if (!p) throw notFound(`Product ${key}`);
  return p;
}
