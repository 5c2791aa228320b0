import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  atwCalendar,
  checkConsentPostpone,
  checkDecline,
  checkPostpone,
  checkStepDate,
  complaintDeadline,
  deadlineBand,
  declineDeadline,
  describeBasis,
  statutoryDeadline,
  workingDaysBetween,
} from "./deadline";

const cal = atwCalendar();

describe("Awb 9:11 six weeks, moved by the Atw past weekends and holidays", () => {
  it.each([
    // [receivedOn, deadline, why]
    ["2026-03-02", "2026-04-13", "a plain Monday: no move"],
    ["2026-11-20", "2027-01-04", "Nieuwjaarsdag 2027 (Fri) + weekend"],
    ["2026-02-20", "2026-04-07", "Goede Vrijdag, weekend with Eerste Paasdag, Tweede Paasdag"],
    ["2026-02-23", "2026-04-07", "Tweede Paasdag 2026"],
    ["2026-03-16", "2026-04-28", "Koningsdag 2026 (Mon 27 April)"],
    ["2026-03-24", "2026-05-06", "Bevrijdingsdag 2026 (Tue)"],
    ["2026-04-02", "2026-05-15", "Hemelvaartsdag 2026"],
    ["2026-04-13", "2026-05-26", "Tweede Pinksterdag 2026"],
    ["2025-11-13", "2025-12-29", "Eerste and Tweede Kerstdag 2025 (Thu, Fri) + weekend"],
    ["2028-11-14", "2028-12-27", "Tweede Kerstdag 2028 (Tue)"],
    ["2027-02-17", "2027-03-31", "a deadline across Easter 2027 (28 March) lands after it: no move"],
    ["2027-02-15", "2027-03-30", "Easter Monday 2027 (29 March)"],
    ["2024-02-20", "2024-04-02", "Easter Monday 2024 (1 April)"],
    ["2026-03-07", "2026-04-20", "a Saturday deadline moves to Monday"],
  ])("received %s → deadline %s (%s)", (receivedOn, deadline) => {
    expect(statutoryDeadline(receivedOn, false, cal).deadline).toBe(deadline);
  });

  it("King's Day is 26 April when the 27th is a Sunday (2025, 2031), and the 27th is no holiday then", () => {
    expect(cal.holiday("2025-04-26")?.nl).toBe("Koningsdag");
    expect(cal.holiday("2025-04-27")).toBeUndefined();
    expect(cal.holiday("2031-04-26")?.nl).toBe("Koningsdag");
    expect(cal.holiday("2031-04-27")).toBeUndefined();
    const d = statutoryDeadline("2025-03-15", false, cal); // + 42 = Sat 26 April 2025
    expect(d.deadline).toBe("2025-04-28");
    expect(d.basis.at(-1)).toMatchObject({ kind: "moved", from: "2025-04-26", to: "2025-04-28" });
    expect(describeBasis(d.basis, "nl")).toContain("Koningsdag");
  });

  it("every holiday of the Atw list is no working day over several years", () => {
    for (const [y, days] of Object.entries({
      2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"],
      2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"],
      2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26"],
    })) {
      for (const d of days) expect(cal.holiday(d), `${y}: ${d}`).toBeDefined();
    }
    // A holiday on a weekday moves a deadline that lands on it to the next working day.
    for (const d of ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25"]) {
      const received = new Date(Date.parse(`${d}T00:00:00Z`) - 42 * 86_400_000).toISOString().slice(0, 10);
      const { deadline } = statutoryDeadline(received, false, cal);
      expect(deadline > d).toBe(true);
      expect(cal.holiday(deadline)).toBeUndefined();
    }
  });

  it("explains the move across Easter", () => {
    const d = statutoryDeadline("2026-02-20", false, cal);
    expect(describeBasis(d.basis, "en")).toBe(
      "received on 2026-02-20 + 6 weeks = 2026-04-03 → moved for Good Friday, Saturday, Easter Sunday, Easter Monday to 2026-04-07",
    );
    expect(describeBasis(d.basis, "nl")).toContain("Tweede Paasdag");
  });

  it("ten weeks with an advisory committee", () => {
    expect(statutoryDeadline("2026-03-02", true, cal).deadline).toBe("2026-05-11");
    expect(statutoryDeadline("2026-01-26", true, cal).deadline).toBe("2026-04-07"); // 70 days = Easter Monday
    expect(statutoryDeadline("2026-01-26", true, cal).basis[1]).toEqual({ kind: "term", weeks: 10, date: "2026-04-06" });
  });

  it("admin-added days count as holidays (Atw art. 3(2))", () => {
    const extra = atwCalendar([{ date: "2026-04-14", name: "Nationale rouwdag" }]);
    expect(statutoryDeadline("2026-03-03", false, cal).deadline).toBe("2026-04-14");
    expect(statutoryDeadline("2026-03-03", false, extra).deadline).toBe("2026-04-15");
  });
});

describe("Awb 9:11(2) postponement", () => {
  const base = { receivedOn: "2026-03-02", advisoryCommittee: false }; // deadline Mon 2026-04-13
  const today = "2026-04-13";

  it("allows exactly four weeks beyond the deadline in force, refuses four weeks and a day", () => {
    expect(checkPostpone(base, { until: "2026-05-11", noticeSentOn: "2026-04-10" }, today, cal)).toBeNull();
    expect(checkPostpone(base, { until: "2026-05-12", noticeSentOn: "2026-04-10" }, today, cal)?.code).toBe("awb_9_11_postpone_max_4_weeks");
    expect(complaintDeadline({ ...base, postponement: { until: "2026-05-11", noticeSentOn: "2026-04-10" } }, cal).deadline).toBe("2026-05-11");
  });

  it("counts the four weeks from the Atw-moved deadline", () => {
    const easter = { receivedOn: "2026-02-23", advisoryCommittee: false }; // 2026-04-06 → 2026-04-07
    expect(checkPostpone(easter, { until: "2026-05-05", noticeSentOn: "2026-04-01" }, "2026-04-01", cal)).toBeNull();
    expect(checkPostpone(easter, { until: "2026-05-06", noticeSentOn: "2026-04-01" }, "2026-04-01", cal)?.code).toBe("awb_9_11_postpone_max_4_weeks");
  });

  it("applies the Atw again to the postponed date", () => {
    // until = Bevrijdingsdag 2026 → 6 May
    const d = complaintDeadline({ ...base, postponement: { until: "2026-05-05", noticeSentOn: "2026-04-01" } }, cal);
    expect(d.deadline).toBe("2026-05-06");
    expect(describeBasis(d.basis, "en")).toBe(
      "received on 2026-03-02 + 6 weeks = 2026-04-13 → postponed with notice on 2026-04-01 to 2026-05-05 → moved for Liberation Day to 2026-05-06",
    );
  });

  it("refuses a notice sent after the deadline passed; on the deadline day is in time", () => {
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-13" }, "2026-04-14", cal)).toBeNull();
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-14" }, "2026-04-14", cal)?.code).toBe("awb_9_11_postpone_after_deadline");
  });

  it("refuses a second postponement, a notice in the future, and an until not after the deadline", () => {
    const once = { ...base, postponement: { until: "2026-05-01", noticeSentOn: "2026-04-01" } };
    expect(checkPostpone(once, { until: "2026-05-08", noticeSentOn: "2026-04-20" }, "2026-04-20", cal)?.code).toBe("awb_9_11_postpone_once");
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-12" }, "2026-04-11", cal)?.code).toBe("date_in_future");
    expect(checkPostpone(base, { until: "2026-04-13", noticeSentOn: "2026-04-10" }, today, cal)?.code).toBe("postpone_not_later");
  });

  it("further postponement with recorded consent, beyond four weeks", () => {
    const once = { ...base, postponement: { until: "2026-05-11", noticeSentOn: "2026-04-10" } };
    expect(checkConsentPostpone(once, { until: "2026-06-30", consentOn: "2026-05-08" }, "2026-05-08", cal)).toBeNull();
    expect(checkConsentPostpone(once, { until: "2026-05-11", consentOn: "2026-05-08" }, "2026-05-08", cal)?.code).toBe("postpone_not_later");
    expect(checkConsentPostpone(once, { until: "2026-06-30", consentOn: "2026-05-09" }, "2026-05-08", cal)?.code).toBe("date_in_future");
    const d = complaintDeadline({ ...once, consents: [{ until: "2026-06-30", consentOn: "2026-05-08" }] }, cal);
    expect(d.deadline).toBe("2026-06-30");
    expect(d.basis.map((s) => s.kind)).toEqual(["received", "term", "postponed", "consent"]);
  });
});

describe("Awb 9:8 decline within four weeks", () => {
  it("allows the notice up to four weeks after receipt (Atw applies), refuses later", () => {
    expect(declineDeadline("2026-03-02", cal)).toBe("2026-03-30");
    expect(checkDecline("2026-03-02", "2026-03-30", "2026-04-20", cal)).toBeNull();
    expect(checkDecline("2026-03-02", "2026-03-31", "2026-04-20", cal)?.code).toBe("awb_9_8_decline_after_4_weeks");
    expect(declineDeadline("2026-03-09", cal)).toBe("2026-04-07"); // 6 April = Tweede Paasdag
  });
});

describe("step dates", () => {
  it("refuses the future and before receipt", () => {
    expect(checkStepDate("sentOn", "2026-05-02", "2026-05-01", "2026-05-01")?.code).toBe("date_in_future");
    expect(checkStepDate("sentOn", "2026-04-30", "2026-05-01", "2026-05-01", "decision_before_receipt")?.code).toBe("decision_before_receipt");
    expect(checkStepDate("sentOn", "2026-05-01", "2026-05-01", "2026-05-01")).toBeNull();
  });
});

describe("working days", () => {
  it("skips weekends and holidays both ways", () => {
    expect(addWorkingDays("2026-04-02", 1, cal)).toBe("2026-04-07"); // Good Friday, weekend, Easter Monday
    expect(addWorkingDays("2026-04-07", -3, cal)).toBe("2026-03-31");
    expect(workingDaysBetween("2026-04-02", "2026-04-07", cal)).toBe(1);
    expect(workingDaysBetween("2026-04-07", "2026-04-02", cal)).toBe(-1);
  });
  it("bands: overdue, within five working days, later", () => {
    expect(deadlineBand("2026-04-01", "2026-04-02", cal)).toBe("overdue");
    expect(deadlineBand("2026-04-13", "2026-04-02", cal)).toBe("soon"); // 5 working days after 2 April (Easter between) = 13 April
    expect(deadlineBand("2026-04-14", "2026-04-02", cal)).toBe("later");
  });
});
