import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { eachDay, type IsoDate } from "@/lib/calendar/dates";
import { can } from "@/lib/auth/roles";
import type { DeskDayStats, HistoryItem } from "@/lib/platform/contracts";
import type { HistoryProvider } from "@/lib/platform/customer-history";
import { reference } from "./config";
import { slotsOnDay } from "./slots";

/**
 * Places offered, booked, checked in and no-shows per desk and local day, both ends included. Places are
 * the capacity rows where they exist, else what the opening hours offer; counts are persons.
 */
export async function deskStats(range: { from: IsoDate; to: IsoDate }): Promise<DeskDayStats[]> {
  const { desks } = await reference();
  const [rowsRes, apptRes] = await Promise.all([
    db.execute<{ id: string; places: number }>(
      sql`select id, places from appointment_slots where local_date between ${range.from}::date and ${range.to}::date`,
    ),
    db.execute<{ desk_code: string; local_date: string; booked: number; checked_in: number; no_show: number }>(sql`
      select desk_code, local_date,
        sum(persons) filter (where status <> 'cancelled')::int as booked,
        sum(persons) filter (where status in ('checked_in','completed'))::int as checked_in,
        sum(persons) filter (where status = 'no_show')::int as no_show
      from appointments where local_date between ${range.from}::date and ${range.to}::date
      group by desk_code, local_date`),
  ]);
  const rowPlaces = new Map(rowsRes.rows.map((r) => [r.id, r.places]));
  const counts = new Map(apptRes.rows.map((r) => [`${r.desk_code}|${r.local_date}`, r]));
  const out: DeskDayStats[] = [];
  for (const d of desks.values()) {
    for (const date of eachDay(range.from, range.to)) {
      const places = slotsOnDay(d, date).reduce((sum, s) => sum + (rowPlaces.get(s.id) ?? s.places), 0);
      const c = counts.get(`${d.code}|${date}`);
      if (!places && !c) continue;
      out.push({ deskCode: d.code, date, places, booked: c?.booked ?? 0, checkedIn: c?.checked_in ?? 0, noShow: c?.no_show ?? 0 });
    }
  }
  return out;
}

/** A person's appointments in the customer history: for those who book for callers. */
export const appointmentHistoryProvider: HistoryProvider = {
  type: "appointment",
  items: async (viewer, customerId) => (can(viewer, "bookForCaller") ? appointmentHistory(customerId) : []),
};

/** A person's appointments, newest first, for the ticket sidebar and the call screen pop. */
export async function appointmentHistory(customerId: string): Promise<HistoryItem[]> {
  const { rows } = await db.execute<{
    id: string;
    reference: string;
    desk_code: string;
    product_key: string;
    status: string;
    starts_at: Date;
    local_date: string;
  }>(
    sql`select id, reference, desk_code, product_key, status, starts_at, local_date from appointments where customer_id = ${customerId} order by starts_at desc limit 100`,
  );
  return rows.map((a) => ({
    type: "appointment",
    id: a.id,
    reference: a.reference,
    title: `${a.product_key} · ${a.desk_code} · ${a.local_date}`,
    status: a.status,
    at: new Date(a.starts_at).toISOString(),
    href: `/agent/appointments?q=${encodeURIComponent(a.reference)}`,
  }));
}
