import { describe, expect, it } from "vitest";
import { atwCalendar } from "./deadline";
import { dueReminders } from "./reminders";

const cal = atwCalendar();
const open = { deadline: "2026-04-14", status: "open", handlerId: "h" }; // Tue after Easter 2026

describe("dueReminders (pure, clock as argument)", () => {
  it.each([
    ["2026-03-30", []],
    ["2026-03-31", ["handler_2_weeks"]], // 14 days before
    ["2026-04-08", ["handler_2_weeks"]],
    ["2026-04-09", ["handler_3_working_days"]], // three working days before Tue 14 April: 13, 10, 9 April
    ["2026-04-14", ["handler_3_working_days"]],
    ["2026-04-15", ["supervisors_overdue"]],
  ])("on %s → %j", (today, want) => expect(dueReminders(open, today, cal)).toEqual(want));

  it("nothing for closed complaints; no handler reminder without a handler, but overdue still goes to supervisors", () => {
    expect(dueReminders({ ...open, status: "closed" }, "2026-04-20", cal)).toEqual([]);
    expect(dueReminders({ ...open, handlerId: null }, "2026-04-10", cal)).toEqual([]);
    expect(dueReminders({ ...open, handlerId: null }, "2026-04-15", cal)).toEqual(["supervisors_overdue"]);
  });
});
