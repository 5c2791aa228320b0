import { addDays, isWeekend, type IsoDate } from "@/lib/calendar/dates";
import { holidaySet } from "@/lib/calendar/holidays";
import { localDate, NL_TZ, zonedToInstant } from "@/lib/calendar/time";

/**
 * SLA in business hours (spec 02): by default Mon–Fri 08:00–17:00 Europe/Amsterdam, Dutch public holidays
 * off (Atw, lib/calendar/holidays.ts). Pure functions: the clock and the calendar are arguments.
 */
export type BusinessCalendar = { timeZone: string; open: string; close: string; holidays: Set<IsoDate> };
export type SlaTargets = { firstResponseWorkingDays: number; resolutionWorkingDays: number };

export const DEFAULT_SLA: SlaTargets = { firstResponseWorkingDays: 2, resolutionWorkingDays: 5 };

export function nlBusinessCalendar(now: Date, extra: Iterable<IsoDate> = [], open = "08:00", close = "17:00"): BusinessCalendar {
  const y = now.getUTCFullYear();
  return { timeZone: NL_TZ, open, close, holidays: holidaySet("NL", y - 1, y + 2, { extra }) };
}

const toMin = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};
export const workingMinutesPerDay = (cal: BusinessCalendar) => toMin(cal.close) - toMin(cal.open);

export function isWorkingDay(cal: BusinessCalendar, day: IsoDate): boolean {
  return !isWeekend(day) && !cal.holidays.has(day);
}

function window(cal: BusinessCalendar, day: IsoDate): [Date, Date] {
  return [zonedToInstant(day, cal.open, cal.timeZone), zonedToInstant(day, cal.close, cal.timeZone)];
}

/** The instant `minutes` working minutes after `start` (a start outside hours counts from the next opening). */
export function addWorkingMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  let day = localDate(start, cal.timeZone);
  let remaining = Math.max(0, minutes);
  for (let guard = 0; guard < 3660; guard++, day = addDays(day, 1)) {
    if (!isWorkingDay(cal, day)) continue;
    const [open, close] = window(cal, day);
    const from = start > open ? start : open;
    if (from >= close) continue;
    const available = (close.getTime() - from.getTime()) / 60_000;
    if (remaining <= available) return new Date(from.getTime() + remaining * 60_000);
    remaining -= available;
  }
  throw new Error("addWorkingMinutes: no working time within ten years");
}

/** Working minutes between two instants (0 when b ≤ a). */
export function workingMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  if (b <= a) return 0;
  let total = 0;
  const last = localDate(b, cal.timeZone);
  for (let day = localDate(a, cal.timeZone); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(cal, day)) continue;
    const [open, close] = window(cal, day);
    const from = a > open ? a : open;
    const to = b < close ? b : close;
    if (to > from) total += (to.getTime() - from.getTime()) / 60_000;
  }
  return Math.round(total);
}

/** Due times of a new ticket received at `receivedAt`. */
export function slaDueTimes(cal: BusinessCalendar, receivedAt: Date, targets: SlaTargets = DEFAULT_SLA) {
  const perDay = workingMinutesPerDay(cal);
  return {
    firstResponseDueAt: addWorkingMinutes(cal, receivedAt, targets.firstResponseWorkingDays * perDay),
    resolutionDueAt: addWorkingMinutes(cal, receivedAt, targets.resolutionWorkingDays * perDay),
  };
}

/**
 * Leaving `pending`: the clock stood still from `pausedAt` to `now`, so each due time moves on by the working
 * time that passed meanwhile (counted from the due time itself, so it lands in business hours again).
 */
export function resumeDueTime(cal: BusinessCalendar, due: Date | null, pausedAt: Date, now: Date): Date | null {
  if (!due) return null;
  const paused = workingMinutesBetween(cal, pausedAt, now);
  if (paused === 0) return due;
  return addWorkingMinutes(cal, due, paused);
}

export type SlaState = "ok" | "due_soon" | "overdue" | "paused" | "done";

/** How a ticket stands against its SLA at `now`; due soon = within 2 working hours. */
export function slaState(
  cal: BusinessCalendar,
  t: { status: string; firstResponseDueAt: Date | null; resolutionDueAt: Date | null; firstRespondedAt: Date | null },
  now: Date,
): SlaState {
  if (t.status === "solved" || t.status === "closed") return "done";
  if (t.status === "pending") return "paused";
  const due = t.firstRespondedAt ? t.resolutionDueAt : t.firstResponseDueAt;
  if (!due) return "ok";
  if (due <= now) return "overdue";
  return workingMinutesBetween(cal, now, due) <= 120 ? "due_soon" : "ok";
}
