import { describe, expect, it } from "vitest";
import { dayIntervals, slotTime } from "./intervals";

describe("half-hour intervals of a local day", () => {
  it("an ordinary day has 48, slot = index, starting at local midnight", () => {
    const d = dayIntervals("2026-06-15");
    expect(d.starts).toHaveLength(48);
    expect(d.slots).toEqual(Array.from({ length: 48 }, (_, i) => i));
    expect(new Date(d.starts[0]).toISOString()).toBe("2026-06-14T22:00:00.000Z"); // 00:00 CEST
    expect(new Date(d.starts[18]).toISOString()).toBe("2026-06-15T07:00:00.000Z"); // 09:00 CEST
  });

  it("the last Sunday of March has 46: 02:00–03:00 does not exist", () => {
    const d = dayIntervals("2026-03-29");
    expect(d.starts).toHaveLength(46);
    expect(d.slots.slice(0, 6)).toEqual([0, 1, 2, 3, 6, 7]);
    expect(d.slots.indexOf(18)).toBe(16); // 09:00 is the 17th half hour that day
    expect(new Date(d.starts[16]).toISOString()).toBe("2026-03-29T07:00:00.000Z"); // 09:00 CEST
    for (let i = 1; i < 46; i++) expect(d.starts[i] - d.starts[i - 1]).toBe(1_800_000);
  });

  it("the last Sunday of October has 50: 02:00–03:00 happens twice", () => {
    const d = dayIntervals("2026-10-25");
    expect(d.starts).toHaveLength(50);
    expect(d.slots.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 4, 5, 6, 7]);
    expect(d.slots.indexOf(18)).toBe(20);
    expect(new Date(d.starts[20]).toISOString()).toBe("2026-10-25T08:00:00.000Z"); // 09:00 CET
  });

  it("names slots by wall-clock time", () => {
    expect(slotTime(0)).toBe("00:00");
    expect(slotTime(19)).toBe("09:30");
    expect(slotTime(47)).toBe("23:30");
  });
});
