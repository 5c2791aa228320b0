import { NL_TZ, localTime, zonedToInstant } from "@/lib/calendar/time";
import { addDays, type IsoDate } from "@/lib/calendar/dates";

/**
 * The half hours of a local day. A day in Europe/Amsterdam has 48 of them, except the last Sunday of March
 * (46: 02:00–03:00 does not exist) and the last Sunday of October (50: 02:00–03:00 happens twice). An
 * interval is named by its local date and its index 0…n−1 counted from local midnight in elapsed time, so
 * index i starts at midnight + i·30 min; its wall-clock slot ("09:00" → 18) is what recurs from day to day
 * and is what the forecast learns by.
 */
export const INTERVAL_MINUTES = 30;
export const INTERVAL_SECONDS = INTERVAL_MINUTES * 60;
const INTERVAL_MS = INTERVAL_SECONDS * 1000;
/** Wall-clock half hours in a day: slot s starts at s·30 minutes past local midnight. */
export const WALL_SLOTS = (24 * 60) / INTERVAL_MINUTES;

export type DayIntervals = {
  date: IsoDate;
  /** Start instants, ms since the epoch, one per interval. */
  starts: number[];
  /** The wall-clock slot (0…47) of each interval. */
  slots: number[];
};

/** Memo of the days already laid out; a cache of a pure function (DST rules change only with tzdata). */
const memo = new Map<string, DayIntervals>();

/** The half-hour intervals of a local day, with their start instants and wall-clock slots. */
export function dayIntervals(date: IsoDate, timeZone: string = NL_TZ): DayIntervals {
  const key = `${timeZone} ${date}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const start = zonedToInstant(date, "00:00", timeZone).getTime();
  const end = zonedToInstant(addDays(date, 1), "00:00", timeZone).getTime();
  const n = Math.round((end - start) / INTERVAL_MS);
  const starts = Array.from({ length: n }, (_, i) => start + i * INTERVAL_MS);
  // An ordinary day: slot = index. A day with a clock change: read each start's wall-clock time.
  const slots =
    n === WALL_SLOTS && localTime(new Date(start + 12 * 3600_000), timeZone) === "12:00"
      ? starts.map((_, i) => i)
      : starts.map((s) => {
          const [hh, mm] = localTime(new Date(s), timeZone).split(":").map(Number);
          return Math.floor((hh * 60 + mm) / INTERVAL_MINUTES);
        });
  const out = { date, starts, slots };
  if (memo.size > 20_000) memo.clear();
  memo.set(key, out);
  return out;
}

/** "HH:MM" of a wall-clock slot. */
export function slotTime(slot: number): string {
  const m = slot * INTERVAL_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
