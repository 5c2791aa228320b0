import { TZDate } from "@date-fns/tz";
import type { IsoDate } from "./dates";

/**
 * The one time-zone helper: between instants (Date, stored as timestamptz) and local wall-clock time in a
 * named zone (Europe/Amsterdam, America/Kralendijk), on top of @date-fns/tz.
 */
export const NL_TZ = "Europe/Amsterdam";

/** The instant of a local wall-clock time, e.g. ("2027-03-28", "09:00", "Europe/Amsterdam"). */
export function zonedToInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
}

/** The local calendar date of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, "0")}-${String(z.getDate()).padStart(2, "0")}`;
}

/** The local wall-clock time "HH:MM" of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${String(z.getHours()).padStart(2, "0")}:${String(z.getMinutes()).padStart(2, "0")}`;
}

/** ISO 8601 with the zone's offset, e.g. 2027-03-29T09:00:00+02:00 (the API's format for instants). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  const off = -z.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localDate(instant, timeZone)}T${localTime(instant, timeZone)}:${pad(z.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Today's date in a zone, for a given clock. */
export const todayIn = (timeZone: string, now: Date = new Date()): IsoDate => localDate(now, timeZone);
