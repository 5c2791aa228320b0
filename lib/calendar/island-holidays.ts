/**
 * The public holidays of each island of the Caribbean Netherlands, for the desks there (BON Kralendijk,
 * EUX Oranjestad, SAB The Bottom): the days the desk is closed. Kept per island because the islands differ
 * (Bonaire has Dia di Rincon and no Emancipation Day off; Sint Eustatius has Emancipation Day and Statia
 * Day; Saba has Saba Day and Carnival Monday). These are desk (office) calendars only: statutory
 * deadlines (a complaint's Awb term) follow the Algemene termijnenwet for every desk, the islands included
 * (lib/complaints/deadline.ts).
 *
 * The legal basis is the Arbeidswet 2000 BES, which lists the official holidays and lets each island's
 * Executive Council designate its own day(s). Sources used (December 2026), per island:
 *
 * Bonaire (BON)
 * - bonaire.nu, "Officiële feestdagen en vrije dagen op Bonaire", 21 July 2023
 *   (https://bonaire.nu/2023/07/21/officiele-feestdagen-en-vrije-dagen-op-bonaire/): New Year's Day, Good
 *   Friday, Easter Sunday and Monday, King's Day, Dia di Rincon 30 April, Labour Day 1 May ("unless that
 *   day is a Sunday or the King's birthday is celebrated on it: then the next working day"), Ascension Day,
 *   Whit Sunday, Dia di Boneiru 6 September, Christmas and Boxing Day; Whit Monday is no day off; Carnival
 *   Monday is no longer one (it was exchanged for Dia di Boneiru); 1 July and 15 December are observed
 *   without a day off.
 * - bes-reporter.com, 24 April 2022: Labour Day 2022 (a Sunday) observed on Monday 2 May.
 * - Wikipedia "Public holidays in Bonaire" (citing the Openbaar Lichaam Bonaire's vakantierooster) agrees.
 *
 * Sint Eustatius (EUX)
 * - Wikipedia "Public holidays in Sint Eustatius": New Year's Day, Good Friday, Easter, Easter Monday,
 *   King's Day, Labour Day, Ascension Day, Whit Sunday, Emancipation Day 1 July, Statia Day (Sint Eustatius
 *   Flag Day) 16 November, Christmas and Boxing Day.
 * - bes-reporter.com, "Statia Emancipation Day 2021 will be Holiday": 1 July a holiday from 2021.
 *
 * Saba (SAB)
 * - Wikipedia "Public holidays in Saba": New Year's Day, Good Friday, Easter, Easter Monday, King's Day,
 *   Labour Day, Ascension Day, Whit Sunday, Carnival Monday (usually the last Monday of July), Saba Day,
 *   Christmas and Boxing Day.
 * - news.sabavillas.com "Saba Day" (14 November 2023) and saba-news.com (2020: "the official Saba Day
 *   celebration … on Friday December 4th"): Saba Day is the first Friday of December.
 * - archive.saba-news.com, 21 April 2016 (Public Entity Saba): Labour Day on a Sunday is observed on the
 *   Monday, "based on Article 23.2 of the Labor Law 2000 BES" — the same rule as on Bonaire, so it is
 *   applied on all three islands.
 * - Carnival Monday follows the Saba Summer Festival, whose dates the island sets each year: it is not
 *   computed here; an admin enters it each year as a closed day of calendar SAB (admin → Kalenders).
 * - Emancipation Day (1 July) is a civil-servant holiday of the Public Entity Saba (sabagov.nl, 2025: "not
 *   yet … a public holiday for the entire island"), so it is not on the list; enter it as a closed day of
 *   calendar SAB when the desk closes.
 *
 * King's Day on the islands is the day the King's birthday is celebrated, as in the Netherlands (27 April,
 * the 26th when the 27th is a Sunday). Whit Monday is not a holiday on any of the islands.
 */
export type Island = "BON" | "EUX" | "SAB";
export const ISLANDS: readonly Island[] = ["BON", "EUX", "SAB"];

/** The fixed-date days of each island (month, day) beyond the common list. */
export const ISLAND_FIXED_DAYS: Record<Island, { month: number; day: number; name: { nl: string; en: string } }[]> = {
  BON: [
    { month: 4, day: 30, name: { nl: "Dia di Rincon", en: "Rincon Day" } },
    { month: 9, day: 6, name: { nl: "Dia di Boneiru", en: "Bonaire Day" } },
  ],
  EUX: [
    { month: 7, day: 1, name: { nl: "Dag van de Emancipatie", en: "Emancipation Day" } },
    { month: 11, day: 16, name: { nl: "Statia Day", en: "Statia Day" } },
  ],
  SAB: [],
};
