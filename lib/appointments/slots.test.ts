import { describe, expect, it } from "vitest";
import { bookableWindow, checkSlot, closedReason, deskSlots, parseSlotId, slotJson, slotsOnDay, type DeskConfig } from "./slots";

const weekdays = (opens: string, closes: string, places: number, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, opens, closes, places }));

const AM: DeskConfig = {
  code: "AM",
  timeZone: "Europe/Amsterdam",
  calendar: "NL",
  slotMinutes: 15,
  horizonDays: 90,
  minNoticeDays: 1,
  active: true,
  hours: weekdays("09:00", "12:00", 3),
  closures: [],
  officeClosedDays: [],
  products: ["DOC", "BIO"],
};
const BON: DeskConfig = { ...AM, code: "BON", timeZone: "America/Kralendijk", calendar: "BON", hours: weekdays("08:00", "12:00", 2) };

describe("slot ids", () => {
  it("are stable and parseable", () => {
    expect(parseSlotId("AM-2027-03-01T09:00")).toEqual({ desk: "AM", date: "2027-03-01", startTime: "09:00" });
    expect(parseSlotId("AM-2027-02-30T09:00")).toBeNull();
    expect(parseSlotId("AM-2027-03-01T9:00")).toBeNull();
    expect(parseSlotId("x")).toBeNull();
  });
});

describe("slotsOnDay", () => {
  it("cuts opening hours into slots of the desk's length", () => {
    const s = slotsOnDay(AM, "2027-03-01");
    expect(s).toHaveLength(12);
    expect(s[0]).toMatchObject({ id: "AM-2027-03-01T09:00", startTime: "09:00", endTime: "09:15", places: 3 });
    expect(s.at(-1)?.startTime).toBe("11:45");
    expect(s[0].start.toISOString()).toBe("2027-03-01T08:00:00.000Z"); // CET, UTC+1
  });

  it("is right around the spring DST change (28 March 2027: Easter Sunday, closed; offsets before and after)", () => {
    const sundays = { ...AM, hours: [...AM.hours, ...weekdays("09:00", "10:00", 1, [0, 6])] };
    expect(slotsOnDay(sundays, "2027-03-28")).toEqual([]); // Eerste Paasdag
    expect(slotsOnDay(sundays, "2027-03-27")[0].start.toISOString()).toBe("2027-03-27T08:00:00.000Z"); // CET
    expect(slotsOnDay(sundays, "2027-03-30")[0].start.toISOString()).toBe("2027-03-30T07:00:00.000Z"); // CEST, 29th is Easter Monday
    expect(slotsOnDay(sundays, "2027-03-29")).toEqual([]);
  });

  it("skips wall-clock times that do not exist on a spring-forward day (29 March 2026)", () => {
    const night = { ...AM, hours: weekdays("01:00", "04:00", 1, [0]), slotMinutes: 30 };
    const s = slotsOnDay(night, "2026-03-29");
    expect(s.map((x) => x.startTime)).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    expect(s.map((x) => x.start.toISOString())).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    expect(slotJson(s[2], "Europe/Amsterdam", 1).start).toBe("2026-03-29T03:00:00+02:00");
  });

  it("is right on the autumn DST change (31 October 2027)", () => {
    const sundays = { ...AM, hours: [...AM.hours, ...weekdays("08:00", "10:00", 1, [0, 6])] };
    const sun = slotsOnDay(sundays, "2027-10-31");
    expect(sun[0].start.toISOString()).toBe("2027-10-31T07:00:00.000Z"); // CET again
    expect(slotJson(sun[0], "Europe/Amsterdam", 1).start).toBe("2027-10-31T08:00:00+01:00");
    expect(slotsOnDay(sundays, "2027-10-30")[0].start.toISOString()).toBe("2027-10-30T06:00:00.000Z"); // CEST
    // every slot is exactly its length, also across the change
    for (const x of sun) expect(x.end.getTime() - x.start.getTime()).toBe(15 * 60_000);
  });

  it("keeps a Caribbean desk at UTC−4 all year, while the NL offset changes", () => {
    expect(slotsOnDay(BON, "2027-01-04")[0].start.toISOString()).toBe("2027-01-04T12:00:00.000Z");
    expect(slotsOnDay(BON, "2027-07-05")[0].start.toISOString()).toBe("2027-07-05T12:00:00.000Z");
    expect(slotJson(slotsOnDay(BON, "2027-07-05")[0], BON.timeZone, 2).start).toBe("2027-07-05T08:00:00-04:00");
  });

  it("has no slots on holidays of the desk's calendar or its island", () => {
    expect(slotsOnDay(AM, "2027-04-27")).toEqual([]); // Koningsdag
    expect(slotsOnDay(AM, "2027-07-01")).not.toEqual([]); // not a holiday in NL
    // Per island (issue 12): Emancipation Day is a holiday on Sint Eustatius, not on Bonaire.
    expect(slotsOnDay({ ...BON, code: "EUX", calendar: "EUX" }, "2027-07-01")).toEqual([]); // Emancipation Day, Sint Eustatius
    expect(slotsOnDay(BON, "2027-07-01")).not.toEqual([]);
    expect(slotsOnDay(BON, "2027-04-30")).toEqual([]); // Dia di Rincon, Bonaire only
    expect(slotsOnDay(BON, "2027-09-06")).toEqual([]); // Dia di Boneiru, Bonaire only
    expect(slotsOnDay({ ...BON, code: "SAB", calendar: "SAB" }, "2027-09-06")).not.toEqual([]);
    expect(slotsOnDay({ ...AM, officeClosedDays: ["2027-03-02"] }, "2027-03-02")).toEqual([]);
    expect(closedReason(AM, "2027-12-25")).toBe("holiday");
  });

  it("has no slots during a closure (both ends included)", () => {
    const closed = { ...AM, closures: [{ fromDate: "2027-03-02", toDate: "2027-03-04", reason: "verhuizing" }] };
    expect(slotsOnDay(closed, "2027-03-01")).toHaveLength(12);
    expect(slotsOnDay(closed, "2027-03-02")).toEqual([]);
    expect(slotsOnDay(closed, "2027-03-04")).toEqual([]);
    expect(slotsOnDay(closed, "2027-03-05")).toHaveLength(12);
    expect(closedReason(closed, "2027-03-03")).toBe("closure: verhuizing");
  });

  it("has none on weekdays without opening hours", () => {
    expect(slotsOnDay(AM, "2027-03-06")).toEqual([]); // Saturday
  });
});

describe("deskSlots: minimum notice and horizon", () => {
  const now = new Date("2027-03-01T10:00:00Z"); // Monday 11:00 in Amsterdam

  it("offers nothing today with the default notice (not today), from tomorrow on", () => {
    const s = deskSlots(AM, { from: "2027-03-01", to: "2027-03-02" }, now);
    expect(s.every((x) => x.date === "2027-03-02")).toBe(true);
    expect(s).toHaveLength(12);
  });

  it("with notice 0 offers today's remaining slots only", () => {
    const s = deskSlots({ ...AM, minNoticeDays: 0 }, { from: "2027-03-01", to: "2027-03-01" }, now);
    expect(s[0].startTime).toBe("11:15");
  });

  it("stops at the horizon", () => {
    const w = bookableWindow({ ...AM, horizonDays: 10 }, now);
    expect(w).toEqual({ first: "2027-03-02", last: "2027-03-11" });
    const s = deskSlots({ ...AM, horizonDays: 10 }, { from: "2027-03-01", to: "2027-04-30" }, now);
    expect(s.at(-1)?.date).toBe("2027-03-11");
  });

  it("uses the desk's own today: late evening in Bonaire is already tomorrow in Amsterdam", () => {
    const late = new Date("2027-03-02T02:00:00Z"); // 22:00 on 1 March in Bonaire, 03:00 on 2 March in Amsterdam
    expect(bookableWindow(BON, late).first).toBe("2027-03-02");
    expect(bookableWindow(AM, late).first).toBe("2027-03-03");
  });
});

describe("checkSlot", () => {
  const now = new Date("2027-03-01T10:00:00Z");
  it("accepts a bookable slot and names why others are refused", () => {
    expect(checkSlot(AM, "AM-2027-03-02T09:00", now).ok).toBe(true);
    expect(checkSlot(AM, "AM-2027-03-02T09:05", now)).toMatchObject({ ok: false, reason: "unknown_slot" });
    expect(checkSlot(AM, "AM-2027-02-26T09:00", now)).toMatchObject({ ok: false, reason: "slot_in_past" });
    expect(checkSlot(AM, "AM-2027-03-01T11:45", now)).toMatchObject({ ok: false, reason: "slot_not_bookable" });
    expect(checkSlot(AM, "AM-2027-08-02T09:00", now)).toMatchObject({ ok: false, reason: "slot_not_bookable" });
    expect(checkSlot(AM, "AM-2027-04-27T09:00", now)).toMatchObject({ ok: false, reason: "slot_not_bookable" });
    expect(checkSlot(AM, "DH-2027-03-02T09:00", now)).toMatchObject({ ok: false, reason: "unknown_slot" });
  });
});
