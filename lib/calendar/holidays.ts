import { addDays, weekday, ymd, type IsoDate } from "./dates";

/**
 * Holiday calendars, computed for any year (no data entry): the Dutch "algemeen erkende feestdagen" of the
 * Algemene termijnenwet art. 3(1) — also the days our Dutch desks and the KIC are closed — and the public
 * holidays of the Caribbean Netherlands (BES) for the desks on Bonaire, Sint Eustatius and Saba.
 * Days an admin adds (Atw art. 3(2): days the government declares equal to a holiday) come from the
 * `extra_holidays` table and are passed in as `extra`.
 */
export type Holiday = { date: IsoDate; name: { nl: string; en: string } };
export type CalendarName = "NL" | "BES";

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
 * Atw art. 3(1): Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Hemelvaartsdag, Eerste en Tweede
 * Pinksterdag, Eerste en Tweede Kerstdag, Koningsdag, Bevrijdingsdag (5 May, every year for the Atw).
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

/**
 * Public holidays of the Caribbean Netherlands (Bonaire, Sint Eustatius, Saba), with each island's own day
 * when a desk code is given: Dia di Boneiru (6 Sept, BON), Statia Day (16 Nov, EUX), Saba Day (first Friday
 * of December, SAB).
 */
export function besHolidays(year: number, deskCode?: string): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: ymd(year, 1, 1), name: { nl: "Nieuwjaarsdag", en: "New Year's Day" } },
    { date: addDays(easter, -2), name: { nl: "Goede Vrijdag", en: "Good Friday" } },
    { date: easter, name: { nl: "Eerste Paasdag", en: "Easter Sunday" } },
    { date: addDays(easter, 1), name: { nl: "Tweede Paasdag", en: "Easter Monday" } },
    { date: kingsDay(year), name: { nl: "Koningsdag", en: "King's Day" } },
    { date: ymd(year, 5, 1), name: { nl: "Dag van de Arbeid", en: "Labour Day" } },
    { date: addDays(easter, 39), name: { nl: "Hemelvaartsdag", en: "Ascension Day" } },
    { date: addDays(easter, 49), name: { nl: "Eerste Pinksterdag", en: "Whit Sunday" } },
    { date: ymd(year, 7, 1), name: { nl: "Dag van de Emancipatie", en: "Emancipation Day" } },
    { date: ymd(year, 12, 25), name: { nl: "Eerste Kerstdag", en: "Christmas Day" } },
    { date: ymd(year, 12, 26), name: { nl: "Tweede Kerstdag", en: "Boxing Day" } },
  ];
  if (deskCode === "BON") list.push({ date: ymd(year, 9, 6), name: { nl: "Dia di Boneiru", en: "Bonaire Day" } });
  if (deskCode === "EUX") list.push({ date: ymd(year, 11, 16), name: { nl: "Statia Day", en: "Statia Day" } });
  if (deskCode === "SAB") {
    let d = ymd(year, 12, 1);
    while (weekday(d) !== 5) d = addDays(d, 1);
    list.push({ date: d, name: { nl: "Saba Day", en: "Saba Day" } });
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

export function holidaysFor(calendar: CalendarName, year: number, deskCode?: string): Holiday[] {
  return calendar === "BES" ? besHolidays(year, deskCode) : dutchHolidays(year);
}

/** A quick membership test over a range of years, with admin-added days. */
export function holidaySet(
  calendar: CalendarName,
  fromYear: number,
  toYear: number,
  opts: { deskCode?: string; extra?: Iterable<IsoDate> } = {},
): Set<IsoDate> {
  const set = new Set<IsoDate>(opts.extra ?? []);
  for (let y = fromYear; y <= toYear; y++) for (const h of holidaysFor(calendar, y, opts.deskCode)) set.add(h.date);
  return set;
}

/** The holiday on a date, if any (for "moved for a holiday: Tweede Paasdag" explanations). */
export function holidayOn(calendar: CalendarName, date: IsoDate, deskCode?: string): Holiday | undefined {
  return holidaysFor(calendar, Number(date.slice(0, 4)), deskCode).find((h) => h.date === date);
}
