import { describe, expect, it } from "vitest";
import { isoWithOffset, localDate, localTime, zonedToInstant } from "./time";

describe("time zones", () => {
  it("maps Amsterdam wall-clock times to instants across the DST change", () => {
    expect(zonedToInstant("2027-03-27", "09:00", "Europe/Amsterdam").toISOString()).toBe("2027-03-27T08:00:00.000Z");
    expect(zonedToInstant("2027-03-29", "09:00", "Europe/Amsterdam").toISOString()).toBe("2027-03-29T07:00:00.000Z");
    expect(isoWithOffset(new Date("2027-10-31T08:00:00Z"), "Europe/Amsterdam")).toBe("2027-10-31T09:00:00+01:00");
  });
  it("keeps Kralendijk at UTC−4 all year", () => {
    expect(isoWithOffset(zonedToInstant("2027-07-01", "08:30", "America/Kralendijk"), "America/Kralendijk")).toBe(
      "2027-07-01T08:30:00-04:00",
    );
    expect(localDate(new Date("2027-01-01T03:00:00Z"), "America/Kralendijk")).toBe("2026-12-31");
    expect(localTime(new Date("2027-01-01T03:00:00Z"), "America/Kralendijk")).toBe("23:00");
  });
});
