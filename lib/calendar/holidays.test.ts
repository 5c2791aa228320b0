import { describe, expect, it } from "vitest";
import { SHIPPED_ATW_DECREE_DAYS } from "./atw-decrees";
import { weekday } from "./dates";
import { besLabourDay, dutchHolidays, easterSunday, holidaySet, islandHolidays, kingsDay, sabaDay } from "./holidays";

describe("easterSunday", () => {
  it.each([
    [2012, "2012-04-08"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("%i → %s", (year, date) => expect(easterSunday(year)).toBe(date));
});

describe("kingsDay", () => {
  it("is 27 April, or the 26th when the 27th is a Sunday", () => {
    expect(kingsDay(2026)).toBe("2026-04-27");
    expect(kingsDay(2025)).toBe("2025-04-26"); // 27 April 2025 is a Sunday
    expect(kingsDay(2031)).toBe("2031-04-26");
  });
});

describe("dutchHolidays", () => {
  it("lists the Atw holidays of 2026", () => {
    expect(dutchHolidays(2026).map((h) => h.date)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-05",
      "2026-04-06",
      "2026-04-27",
      "2026-05-05",
      "2026-05-14",
      "2026-05-24",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
  });
});

describe("islandHolidays: each island of the Caribbean Netherlands its own list (Arbeidswet 2000 BES)", () => {
  const days = (island: "BON" | "EUX" | "SAB", year = 2026) => islandHolidays(year, island).map((h) => h.date);

  it("Bonaire: Dia di Rincon (30 April) and Dia di Boneiru (6 September); no Emancipation Day, no Whit Monday", () => {
    expect(days("BON")).toEqual(
      expect.arrayContaining(["2026-04-30", "2026-09-06", "2026-05-01", "2026-05-24", "2026-04-27", "2026-04-03"]),
    );
    expect(days("BON")).not.toContain("2026-07-01");
    expect(days("BON")).not.toContain("2026-05-25");
    expect(days("BON")).not.toContain("2026-05-05");
  });

  it("Sint Eustatius: Emancipation Day (1 July) and Statia Day (16 November); not Bonaire's days", () => {
    expect(days("EUX")).toEqual(expect.arrayContaining(["2026-07-01", "2026-11-16"]));
    expect(days("EUX")).not.toContain("2026-04-30");
    expect(days("EUX")).not.toContain("2026-09-06");
  });

  it("Saba: Saba Day is the first Friday of December; Carnival Monday is not computed (admin-entered)", () => {
    expect(sabaDay(2020)).toBe("2020-12-04");
    expect(sabaDay(2026)).toBe("2026-12-04");
    expect(sabaDay(2027)).toBe("2027-12-03");
    expect(days("SAB")).toContain("2026-12-04");
    expect(days("SAB")).not.toContain("2026-07-01");
    expect(days("SAB")).not.toContain("2026-11-16");
    expect(days("SAB").filter((d) => d.slice(5, 7) === "07")).toEqual([]);
  });

  it("Labour Day moves to the Monday when 1 May is a Sunday (art. 23(2)), on every island", () => {
    expect(besLabourDay(2022)).toBe("2022-05-02");
    expect(besLabourDay(2016)).toBe("2016-05-02");
    expect(besLabourDay(2026)).toBe("2026-05-01");
    for (const island of ["BON", "EUX", "SAB"] as const) expect(days(island, 2022)).toContain("2022-05-02");
  });

  it("an office closed day (e.g. Saba's Carnival Monday) closes that calendar only", () => {
    expect(holidaySet("SAB", 2026, 2026, { extra: ["2026-07-27"] }).has("2026-07-27")).toBe(true);
    expect(holidaySet("BON", 2026, 2026).has("2026-07-27")).toBe(false);
  });
});

describe("Atw art. 3(3): the shipped decree days", () => {
  it("are the ten days of the two decrees 2023–2028, each a Friday after a Thursday holiday", () => {
    expect(SHIPPED_ATW_DECREE_DAYS.map((d) => d.date)).toEqual([
      "2023-04-28",
      "2023-05-19",
      "2024-05-10",
      "2024-12-27",
      "2025-05-30",
      "2026-01-02",
      "2026-05-15",
      "2027-05-07",
      "2028-04-28",
      "2028-05-26",
    ]);
    for (const d of SHIPPED_ATW_DECREE_DAYS) {
      expect(weekday(d.date), d.date).toBe(5);
      expect(d.decree).toMatch(/^Besluit gelijkstelling van .* met een algemeen erkende feestdag$/);
    }
  });

  it("are no office holidays: the desks' and the KIC's calendars do not close on them", () => {
    expect(holidaySet("NL", 2026, 2026).has("2026-05-15")).toBe(false);
    expect(dutchHolidays(2026).map((h) => h.date)).not.toContain("2026-01-02");
  });
});
