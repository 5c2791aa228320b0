import { describe, expect, it } from "vitest";
import { addWorkingMinutes, nlBusinessCalendar, resumeDueTime, slaDueTimes, slaState, workingMinutesBetween } from "./sla";

const cal = nlBusinessCalendar(new Date("2027-01-01T00:00:00Z"));
const ams = (s: string) => new Date(s); // literal instants with offsets

describe("business-hours SLA", () => {
  it("first response is due two working days later, same time of day", () => {
    // Tuesday 2027-03-02 10:00 CET → Thursday 10:00
    const { firstResponseDueAt } = slaDueTimes(cal, ams("2027-03-02T10:00:00+01:00"));
    expect(firstResponseDueAt.toISOString()).toBe(ams("2027-03-04T10:00:00+01:00").toISOString());
  });

  it("mail on Friday evening counts from Monday 08:00", () => {
    const { firstResponseDueAt } = slaDueTimes(cal, ams("2027-03-05T19:30:00+01:00"));
    // Monday 08:00 + 2 × 9 h → Tuesday 17:00
    expect(firstResponseDueAt.toISOString()).toBe(ams("2027-03-09T17:00:00+01:00").toISOString());
  });

  it("skips Dutch public holidays (Easter Monday and King's Day 2027)", () => {
    // Thursday 2027-03-25 16:00: 1 h left that day; Good Friday 26 (in the calendar) and Easter Monday 29 are off
    const due = addWorkingMinutes(cal, ams("2027-03-25T16:00:00+01:00"), 120);
    // → Tuesday 30 March 09:00 CEST (after the DST change)
    expect(due.toISOString()).toBe(ams("2027-03-30T09:00:00+02:00").toISOString());
    // King's Day 2027 is Tuesday 27 April
    expect(addWorkingMinutes(cal, ams("2027-04-26T17:00:00+02:00"), 60).toISOString()).toBe(ams("2027-04-28T09:00:00+02:00").toISOString());
  });

  it("counts working minutes across a weekend and a DST change", () => {
    expect(workingMinutesBetween(cal, ams("2027-03-25T16:00:00+01:00"), ams("2027-03-30T09:00:00+02:00"))).toBe(120);
    expect(workingMinutesBetween(cal, ams("2027-03-02T18:00:00+01:00"), ams("2027-03-02T07:00:00+01:00"))).toBe(0);
  });

  it("pending stops the clock: due time moves by the working time paused", () => {
    const due = ams("2027-03-04T10:00:00+01:00");
    // paused Tuesday 10:00 → resumed Wednesday 10:00: 9 working hours pass
    const moved = resumeDueTime(cal, due, ams("2027-03-02T10:00:00+01:00"), ams("2027-03-03T10:00:00+01:00"));
    expect(moved?.toISOString()).toBe(ams("2027-03-05T10:00:00+01:00").toISOString());
    // paused over a weekend only: nothing moves
    expect(resumeDueTime(cal, due, ams("2027-03-06T10:00:00+01:00"), ams("2027-03-07T10:00:00+01:00"))).toEqual(due);
  });

  it("states: overdue, due soon, paused, done", () => {
    const t = { status: "open", firstResponseDueAt: ams("2027-03-04T10:00:00+01:00"), resolutionDueAt: null, firstRespondedAt: null };
    expect(slaState(cal, t, ams("2027-03-04T10:01:00+01:00"))).toBe("overdue");
    expect(slaState(cal, t, ams("2027-03-04T09:00:00+01:00"))).toBe("due_soon");
    expect(slaState(cal, t, ams("2027-03-02T09:00:00+01:00"))).toBe("ok");
    expect(slaState(cal, { ...t, status: "pending" }, ams("2027-03-09T09:00:00+01:00"))).toBe("paused");
    expect(slaState(cal, { ...t, status: "solved" }, ams("2027-03-09T09:00:00+01:00"))).toBe("done");
  });
});
