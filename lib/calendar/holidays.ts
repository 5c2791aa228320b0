import { addDays, weekday, ymd, type IsoDate } from "./dates";
import { ISLAND_FIXED_DAYS, type Island } from "./island-holidays";

/**
 * Holiday calendars of the desks and the KIC, computed for any year (no data entry): the Dutch
 * "algemeen erkende feestdagen" of the Algemene termijnenwet art. 3(1), with Good Friday (art. 3(2)) —
 * also the days our Dutch desks and the KIC are closed — and the public holidays of each island of the
 * Caribbean Netherlands (lib/calendar/island-holidays.ts, with its sources) for the desks there.
 *
 * These are office calendars. Days an admin closes all desks of a calendar (or the KIC) come from the
 * `office_closed_days` table and are passed in as `extra`; they never move a statutory deadline.
 * Statutory deadlines use the Atw calendar of lib/complaints/deadline.ts instead (art. 3(1), 3(2) and the
 * days made equal to a holiday by royal decree, art. 3(3)), the same for every desk.
 */
export type Holiday = { date: IsoDate; name: { nl: string; en: string } };
/** A desk's holiday calendar: the Netherlands, or one island of the Caribbean Netherlands. */
export type CalendarName = "NL" | Island;
export const CALENDARS: readonly CalendarName[] = ["NL", "BON", "EUX", "SAB"];
export const isCaribbean = (c: CalendarName) => c !== "NL";

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** King's Day: 27 April, or 26 April when the 27th is a Sunday (Atw art. 3(1)). */
export function kingsDay(year: number): IsoDate {
  const d = ymd(year, 4, 27);
  return weekday(d) === 0 ? ymd(year, 4, 26) : d;
}

/**
 * Atw art. 3(1): Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede
 * Kerstdag, Koningsdag, Bevrijdingsdag (5 May, every year for the Atw); art. 3(2): Goede Vrijdag. Eerste
 * Paasdag and Eerste Pinksterdag are Sundays anyway. Days equal to a holiday by royal decree (art. 3(3))
 * are not here: they count for statutory periods only (lib/calendar/atw-decrees.ts).
 */
export function dutchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  return [
    { date: ymd(year, 1, 1), name: { nl: "Nieuwjaarsdag", en: "New Year's Day" } },
    { date: addDays(easter, -2), name: { nl: "Goede Vrijdag", en: "Good Friday" } },
    { date: easter, name: { nl: "Eerste Paasdag", en: "Easter Sunday" } },
    { date: addDays(easter, 1), name: { nl: "Tweede Paasdag", en: "Easter Monday" } },
    { date: kingsDay(year), name: { nl: "Koningsdag", en: "King's Day" } },
    { date: ymd(year, 5, 5), name: { nl: "Bevrijdingsdag", en: "Liberation Day" } },
    { date: addDays(easter, 39), name: { nl: "Hemelvaartsdag", en: "Ascension Day" } },
    { date: addDays(easter, 49), name: { nl: "Eerste Pinksterdag", en: "Whit Sunday" } },
    { date: addDays(easter, 50), name: { nl: "Tweede Pinksterdag", en: "Whit Monday" } },
    { date: ymd(year, 12, 25), name: { nl: "Eerste Kerstdag", en: "Christmas Day" } },
    { date: ymd(year, 12, 26), name: { nl: "Tweede Kerstdag", en: "Boxing Day" } },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Labour Day (1 May), on the Monday when the 1st is a Sunday (Arbeidswet 2000 BES art. 23(2)). */
export function besLabourDay(year: number): IsoDate {
  const d = ymd(year, 5, 1);
  return weekday(d) === 0 ? ymd(year, 5, 2) : d;
}

/** Saba Day: the first Friday of December. */
export function sabaDay(year: number): IsoDate {
  let d = ymd(year, 12, 1);
  while (weekday(d) !== 5) d = addDays(d, 1);
  return d;
}

/**
 * Public holidays of one island of the Caribbean Netherlands (sources in island-holidays.ts): the common
 * list (no Whit Monday, no Liberation Day; Labour Day instead) and the island's own days. Saba's Carnival
 * Monday is set each year and entered by an admin as a closed day of calendar SAB.
 */
export function islandHolidays(year: number, island: Island): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: ymd(year, 1, 1), name: { nl: "Nieuwjaarsdag", en: "New Year's Day" } },
    { date: addDays(easter, -2), name: { nl: "Goede Vrijdag", en: "Good Friday" } },
    { date: easter, name: { nl: "Eerste Paasdag", en: "Easter Sunday" } },
    { date: addDays(easter, 1), name: { nl: "Tweede Paasdag", en: "Easter Monday" } },
    { date: kingsDay(year), name: { nl: "Koningsdag", en: "King's Day" } },
    { date: besLabourDay(year), name: { nl: "Dag van de Arbeid", en: "Labour Day" } },
    { date: addDays(easter, 39), name: { nl: "Hemelvaartsdag", en: "Ascension Day" } },
    { date: addDays(easter, 49), name: { nl: "Eerste Pinksterdag", en: "Whit Sunday" } },
    { date: ymd(year, 12, 25), name: { nl: "Eerste Kerstdag", en: "Christmas Day" } },
    { date: ymd(year, 12, 26), name: { nl: "Tweede Kerstdag", en: "Boxing Day" } },
    ...ISLAND_FIXED_DAYS[island].map((f) => ({ date: ymd(year, f.month, f.day), name: f.name })),
  ];
  if (island === "SAB") list.push({ date: sabaDay(year), name: { nl: "Saba Day", en: "Saba Day" } });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

export function holidaysFor(calendar: CalendarName, year: number): Holiday[] {
  return calendar === "NL" ? dutchHolidays(year) : islandHolidays(year, calendar);
}

/** The days off of an office calendar over a range of years, with its office closed days (`extra`). */
export function holidaySet(
  calendar: CalendarName,
  fromYear: number,
  toYear: number,
  opts: { extra?: Iterable<IsoDate> } = {},
): Set<IsoDate> {
  const set = new Set<IsoDate>(opts.extra ?? []);
  for (let y = fromYear; y <= toYear; y++) for (const h of holidaysFor(calendar, y)) set.add(h.date);
  return set;
}

/** The holiday on a date, if any (for "closed for a holiday: Tweede Paasdag" explanations). */
export function holidayOn(calendar: CalendarName, date: IsoDate): Holiday | undefined {
  return holidaysFor(calendar, Number(date.slice(0, 4))).find((h) => h.date === date);
}
