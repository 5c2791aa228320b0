import type { IsoDate } from "./dates";

/**
 * Days made equal to a generally recognised holiday by royal decree, for statutory periods only
 * (Algemene termijnenwet art. 3(3): "Wij kunnen bepaalde dagen voor de toepassing van deze wet met de in
 * het eerste lid genoemde dagen gelijkstellen"; the decree is made public in the Staatscourant). The
 * government takes such a decree once every few years, mostly for the Friday after Ascension Day and the
 * bridge days next to New Year's Day, King's Day, Liberation Day and Christmas. They move a statutory
 * deadline (Atw art. 1) exactly like Good Friday (art. 3(2)) or the holidays of art. 3(1); they are no
 * office closures (the desks and the KIC may well be open: see office_closed_days for those).
 *
 * Later decrees are added by an admin (table `atw_decree_days`, admin → Kalenders); this file ships the
 * ones published up to the time of writing, so a fresh installation computes deadlines right without
 * data entry.
 *
 * Sources and how far each entry was verified (December 2026):
 * - The titles below are the decrees' citation titles ("citeertitels"). Both were found quoted, with
 *   exactly these dates, in the answer of mr W.G.H.M. van der Putten of 4 October 2025 on
 *   https://sterfgeval.nl/juridisch/overige/vragen-van-uitvaartondernemers/gemeentelijke-feestdag-bij-lijkbezorging-feestdagen-in-2026-2028/70745
 *   and, with the same dates, in the comments of public calendar code that lists them per decree.
 * - The Staatsblad / Staatscourant numbers of the two decrees could NOT be found in the sources available
 *   here (no copy of officielebekendmakingen.nl or wetten.overheid.nl for these decrees). `publication`
 *   says so rather than guessing; look the decree up on wetten.overheid.nl by its title and fill it in.
 * - Every date was checked against the calendar: each is a Friday next to a Thursday holiday (Ascension
 *   Day, King's Day 2023/2028, Boxing Day 2024, New Year's Day 2026), as the decrees' practice is.
 */
export type AtwDecree = {
  /** The decree's citation title. */
  citation: string;
  /** Where it was published (Staatsblad/Staatscourant), or why that is not given. */
  publication: string;
  days: { date: IsoDate; name: { nl: string; en: string } }[];
};

const fridayAfter = (what: { nl: string; en: string }) => ({
  nl: `Gelijkgestelde dag (vrijdag na ${what.nl})`,
  en: `Day equal to a holiday (Friday after ${what.en})`,
});
const ASCENSION = { nl: "Hemelvaartsdag", en: "Ascension Day" };
const KINGS_DAY = { nl: "Koningsdag", en: "King's Day" };

export const ATW_DECREES: AtwDecree[] = [
  {
    citation:
      "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag",
    publication:
      "Staatsblad/Staatscourant number not found in the sources available when this was written; verify on wetten.overheid.nl by the citation title",
    days: [
      { date: "2023-04-28", name: fridayAfter(KINGS_DAY) },
      { date: "2023-05-19", name: fridayAfter(ASCENSION) },
      { date: "2024-05-10", name: fridayAfter(ASCENSION) },
      { date: "2024-12-27", name: fridayAfter({ nl: "Tweede Kerstdag", en: "Boxing Day" }) },
      { date: "2025-05-30", name: fridayAfter(ASCENSION) },
    ],
  },
  {
    citation:
      "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag",
    publication:
      "Staatsblad/Staatscourant number not found in the sources available when this was written; verify on wetten.overheid.nl by the citation title",
    days: [
      { date: "2026-01-02", name: fridayAfter({ nl: "Nieuwjaarsdag", en: "New Year's Day" }) },
      { date: "2026-05-15", name: fridayAfter(ASCENSION) },
      { date: "2027-05-07", name: fridayAfter(ASCENSION) },
      { date: "2028-04-28", name: fridayAfter(KINGS_DAY) },
      { date: "2028-05-26", name: fridayAfter(ASCENSION) },
    ],
  },
];

/** Every shipped decree day with the decree it comes from. */
export const SHIPPED_ATW_DECREE_DAYS: { date: IsoDate; name: { nl: string; en: string }; decree: string }[] = ATW_DECREES.flatMap((d) =>
  d.days.map((day) => ({ ...day, decree: d.citation })),
);
