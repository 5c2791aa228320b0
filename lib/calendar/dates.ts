/**
 * Calendar dates as `YYYY-MM-DD` strings (a day in some local time zone, not an instant), and the little
 * arithmetic the rules need. Pure; computed in UTC so that no time zone or DST can shift a day.
 */
export type IsoDate = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function toUtcDate(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

export function fromUtcDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const x = toUtcDate(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fromUtcDate(x);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return toUtcDate(d).getUTCDay();
}

export const isWeekend = (d: IsoDate) => weekday(d) === 0 || weekday(d) === 6;

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

export const ymd = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export function* eachDay(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}
