import { describe, expect, it } from "vitest";
import { besHolidays, dutchHolidays, easterSunday, kingsDay } from "./holidays";

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

describe("besHolidays", () => {
  it("adds each island's own day", () => {
    expect(besHolidays(2026, "BON").map((h) => h.date)).toContain("2026-09-06");
    expect(besHolidays(2026, "EUX").map((h) => h.date)).toContain("2026-11-16");
    expect(besHolidays(2026, "SAB").map((h) => h.date)).toContain("2026-12-04");
    expect(besHolidays(2026).map((h) => h.date)).not.toContain("2026-05-05");
  });
});
