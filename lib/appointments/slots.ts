import { addDays, eachDay, isIsoDate, weekday, type IsoDate } from "@/lib/calendar/dates";
import { holidaySet, type CalendarName } from "@/lib/calendar/holidays";
import { isoWithOffset, localTime, todayIn, zonedToInstant } from "@/lib/calendar/time";

/**
 * Slot arithmetic (spec 01, "Slots and capacity"): pure, the clock passed in. A slot is a desk, a start
 * and an end in the desk's local time, and its places. Times are built from local wall-clock times via
 * lib/calendar/time.ts, so they are right on daylight-saving change days; America/Kralendijk is UTC−4
 * all year.
 */
export type OpeningPeriod = { weekday: number; opens: string; closes: string; places: number };
export type Closure = { fromDate: IsoDate; toDate: IsoDate; reason: string };

export type DeskConfig = {
  code: string;
  timeZone: string;
  calendar: CalendarName;
  slotMinutes: number;
  horizonDays: number;
  minNoticeDays: number;
  active: boolean;
  hours: OpeningPeriod[];
  closures: Closure[];
  /** Days all desks of the desk's calendar are closed (table office_closed_days; not statutory holidays). */
  officeClosedDays: IsoDate[];
  products: string[];
};

export type Slot = {
  id: string;
  desk: string;
  date: IsoDate;
  startTime: string;
  endTime: string;
  start: Date;
  end: Date;
  places: number;
};

const TIME_RE = /^([01]\d|2[0-4]):[0-5]\d$/;
export const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
export const fromMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** The stable, parseable slot id: desk code, local date and local start time. */
export const slotId = (desk: string, date: IsoDate, startTime: string) => `${desk}-${date}T${startTime}`;

export function parseSlotId(id: string): { desk: string; date: IsoDate; startTime: string } | null {
  const m = /^([A-Z]{2,5})-(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(id);
  if (!m || !isIsoDate(m[2]) || !TIME_RE.test(m[3])) return null;
  return { desk: m[1], date: m[2], startTime: m[3] };
}

/** The first and last local dates that may be booked now: minimum notice (1 = not today) and horizon. */
export function bookableWindow(desk: Pick<DeskConfig, "timeZone" | "minNoticeDays" | "horizonDays">, now: Date) {
  const today = todayIn(desk.timeZone, now);
  return { first: addDays(today, desk.minNoticeDays), last: addDays(today, desk.horizonDays) };
}

/** Why a desk is closed on a date (holiday, closure), or null when it is a normal day. */
export function closedReason(desk: DeskConfig, date: IsoDate): string | null {
  const year = Number(date.slice(0, 4));
  const holidays = holidaySet(desk.calendar, year, year, { extra: desk.officeClosedDays });
  if (holidays.has(date)) return "holiday";
  const closure = desk.closures.find((c) => c.fromDate <= date && date <= c.toDate);
  if (closure) return `closure: ${closure.reason}`;
  return null;
}

/** Every slot of the desk on one local date by its opening hours, ignoring the booking window. */
export function slotsOnDay(desk: DeskConfig, date: IsoDate, opts: { evenWhenClosed?: boolean } = {}): Slot[] {
  if (!opts.evenWhenClosed && (!desk.active || closedReason(desk, date))) return [];
  const wd = weekday(date);
  const out: Slot[] = [];
  for (const p of desk.hours.filter((h) => h.weekday === wd).sort((a, b) => a.opens.localeCompare(b.opens))) {
    if (p.places <= 0) continue;
    for (let m = toMinutes(p.opens); m + desk.slotMinutes <= toMinutes(p.closes); m += desk.slotMinutes) {
      const startTime = fromMinutes(m);
      const endTime = fromMinutes(m + desk.slotMinutes);
      const start = zonedToInstant(date, startTime, desk.timeZone);
      // A wall-clock time inside the spring-forward gap does not exist that day: no slot there.
      if (localTime(start, desk.timeZone) !== startTime) continue;
      const end = zonedToInstant(date, endTime, desk.timeZone);
      out.push({ id: slotId(desk.code, date, startTime), desk: desk.code, date, startTime, endTime, start, end, places: p.places });
    }
  }
  return out;
}

/** The bookable slots of a desk between two local dates (both included), as the clock `now` sees them. */
export function deskSlots(desk: DeskConfig, range: { from: IsoDate; to: IsoDate }, now: Date): Slot[] {
  const w = bookableWindow(desk, now);
  const from = range.from > w.first ? range.from : w.first;
  const to = range.to < w.last ? range.to : w.last;
  const out: Slot[] = [];
  if (from > to) return out;
  for (const date of eachDay(from, to)) for (const s of slotsOnDay(desk, date)) if (s.start > now) out.push(s);
  return out;
}

export type SlotCheck =
  { ok: true; slot: Slot } | { ok: false; reason: "unknown_slot" | "slot_in_past" | "slot_not_bookable"; message: string };

/** Is this slot id a slot the desk offers and that may be booked now? */
export function checkSlot(desk: DeskConfig, id: string, now: Date): SlotCheck {
  const p = parseSlotId(id);
  if (!p || p.desk !== desk.code) return { ok: false, reason: "unknown_slot", message: "No such slot" };
  const slot = slotsOnDay(desk, p.date, { evenWhenClosed: true }).find((s) => s.startTime === p.startTime);
  if (!slot) return { ok: false, reason: "unknown_slot", message: "No such slot" };
  if (slot.start <= now) return { ok: false, reason: "slot_in_past", message: "This slot is in the past" };
  const w = bookableWindow(desk, now);
  if (p.date < w.first) return { ok: false, reason: "slot_not_bookable", message: "This slot is inside the minimum notice" };
  if (p.date > w.last) return { ok: false, reason: "slot_not_bookable", message: "This slot is beyond the booking horizon" };
  if (!desk.active) return { ok: false, reason: "slot_not_bookable", message: "This desk is not taking bookings" };
  const closed = closedReason(desk, p.date);
  if (closed) return { ok: false, reason: "slot_not_bookable", message: `The desk is closed that day (${closed})` };
  return { ok: true, slot };
}

/** The API's view of a slot: local date/times and ISO instants with the desk's offset. */
export function slotJson(s: Slot, timeZone: string, available: number) {
  return {
    id: s.id,
    desk: s.desk,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    start: isoWithOffset(s.start, timeZone),
    end: isoWithOffset(s.end, timeZone),
    available,
  };
}
