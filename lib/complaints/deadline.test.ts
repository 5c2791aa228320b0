import { describe, expect, it } from "vitest";
import { holidaySet } from "@/lib/calendar/holidays";
import { oralRuleFor } from "./oral";
import {
  addWorkingDays,
  atwCalendar,
  checkCommittee,
  checkConsentPostpone,
  checkDecline,
  checkPostpone,
  checkStepDate,
  complaintDeadline,
  deadlineBand,
  declineDeadline,
  describeBasis,
  statutoryDeadline,
  withCommittee,
  workingDaysBetween,
  type DeadlineStep,
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
    // Issue 12: 15 May 2026 is a decree day (Atw art. 3(3)); the old expectation 2026-05-15 ignored it.
    ["2026-04-02", "2026-05-18", "Hemelvaartsdag 2026, then the decree day of 15 May (Atw art. 3(3)), then the weekend"],
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

  it("Good Friday counts as a holiday (Atw art. 3(2))", () => {
    expect(cal.holiday("2026-04-03")?.nl).toBe("Goede Vrijdag");
    expect(statutoryDeadline("2026-02-20", false, cal).deadline).toBe("2026-04-07");
  });

  it("admin-added decree days count as holidays (Atw art. 3(3))", () => {
    const extra = atwCalendar([{ date: "2026-04-14", name: "Nationale rouwdag" }]);
    expect(statutoryDeadline("2026-03-03", false, cal).deadline).toBe("2026-04-14");
    expect(statutoryDeadline("2026-03-03", false, extra).deadline).toBe("2026-04-15");
  });
});

describe("Atw art. 3(3): days equal to a holiday by royal decree", () => {
  it("receipt 2025-11-21 gives 2026-01-05 (6 weeks = Fri 2 January 2026, a decree day, then the weekend)", () => {
    const d = statutoryDeadline("2025-11-21", false, cal);
    expect(d.deadline).toBe("2026-01-05");
    expect(d.basis.at(-1)).toMatchObject({ kind: "moved", from: "2026-01-02", to: "2026-01-05" });
    expect(describeBasis(d.basis, "nl")).toContain("vrijdag na Nieuwjaarsdag");
  });

  it("receipt 2026-04-02 gives 2026-05-18 (Ascension Day 14 May, decree day 15 May, weekend)", () => {
    expect(statutoryDeadline("2026-04-02", false, cal).deadline).toBe("2026-05-18");
  });

  it("every shipped decree day moves a deadline landing on it, 2023–2028", () => {
    for (const d of [
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
    ]) {
      expect(cal.holiday(d), d).toBeDefined();
      const received = new Date(Date.parse(`${d}T00:00:00Z`) - 42 * 86_400_000).toISOString().slice(0, 10);
      expect(statutoryDeadline(received, false, cal).deadline > d, d).toBe(true);
    }
  });

  it("decree days also count as non-working days for the tracker's bands (Atw art. 3(3))", () => {
    expect(addWorkingDays("2026-05-13", 1, cal)).toBe("2026-05-18");
  });
});

describe("Atw art. 1 and 3: office closures and island holidays are no statutory holidays", () => {
  it("a day all desks or the KIC are closed does not move a complaint deadline (the Atw calendar has no such input)", () => {
    // 2026-04-13 is the deadline of a complaint received 2026-03-02; the KIC being closed that day changes nothing.
    expect(holidaySet("NL", 2026, 2026, { extra: ["2026-04-13"] }).has("2026-04-13")).toBe(true);
    expect(statutoryDeadline("2026-03-02", false, cal).deadline).toBe("2026-04-13");
  });

  it("the statutory calendar is the Atw list for every desk: island holidays do not move it", () => {
    // Dia di Rincon (BON, Thu 30 April 2026), Emancipation Day (EUX, Wed 1 July 2026) are working days for the Atw.
    expect(cal.holiday("2026-04-30")).toBeUndefined();
    expect(cal.holiday("2026-07-01")).toBeUndefined();
    expect(statutoryDeadline("2026-03-19", false, cal).deadline).toBe("2026-04-30");
    expect(statutoryDeadline("2026-05-20", false, cal).deadline).toBe("2026-07-01");
  });
});

describe("Awb 9:11(2) postponement", () => {
  const base = { receivedOn: "2026-03-02", advisoryCommittee: false }; // deadline Mon 2026-04-13
  const today = "2026-04-13";

  it("allows exactly four weeks beyond the deadline in force, refuses four weeks and a day", () => {
    expect(checkPostpone(base, { until: "2026-05-11" }, today, cal)).toBeNull();
    expect(checkPostpone(base, { until: "2026-05-11", noticeSentOn: today }, today, cal)).toBeNull();
    expect(checkPostpone(base, { until: "2026-05-12" }, today, cal)?.code).toBe("awb_9_11_postpone_max_4_weeks");
    expect(complaintDeadline({ ...base, postponement: { until: "2026-05-11", noticeSentOn: "2026-04-10" } }, cal).deadline).toBe(
      "2026-05-11",
    );
  });

  it("counts the four weeks from the Atw-moved deadline", () => {
    const easter = { receivedOn: "2026-02-23", advisoryCommittee: false }; // 2026-04-06 → 2026-04-07
    expect(checkPostpone(easter, { until: "2026-05-05", noticeSentOn: "2026-04-01" }, "2026-04-01", cal)).toBeNull();
    expect(checkPostpone(easter, { until: "2026-05-06", noticeSentOn: "2026-04-01" }, "2026-04-01", cal)?.code).toBe(
      "awb_9_11_postpone_max_4_weeks",
    );
  });

  it("applies the Atw again to the postponed date", () => {
    // until = Bevrijdingsdag 2026 → 6 May
    const d = complaintDeadline({ ...base, postponement: { until: "2026-05-05", noticeSentOn: "2026-04-01" } }, cal);
    expect(d.deadline).toBe("2026-05-06");
    expect(describeBasis(d.basis, "en")).toBe(
      "received on 2026-03-02 + 6 weeks = 2026-04-13 → postponed with notice on 2026-04-01 to 2026-05-05 → moved for Liberation Day to 2026-05-06",
    );
  });

  // Issue 12: the app sends the notice itself, dated today. The old test allowed a notice "sent" on the
  // deadline day while today was already past it; that back-dating is exactly what the law review refused.
  it("is refused once today is past the deadline in force, whatever notice date is typed; on the deadline day is in time", () => {
    expect(checkPostpone(base, { until: "2026-05-01" }, "2026-04-13", cal)).toBeNull();
    const late = checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-13" }, "2026-04-14", cal);
    expect(late?.code).toBe("awb_9_11_2_postpone_after_deadline");
    expect(late?.aliases).toEqual(["awb_9_11_postpone_after_deadline"]);
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-14" }, "2026-04-14", cal)?.code).toBe(
      "awb_9_11_2_postpone_after_deadline",
    );
  });

  it("the notice is dated the day it is sent: another notice date is refused", () => {
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-09" }, "2026-04-10", cal)?.code).toBe(
      "awb_9_11_2_notice_dated_today",
    );
    expect(checkPostpone(base, { until: "2026-05-01", noticeSentOn: "2026-04-12" }, "2026-04-11", cal)?.code).toBe(
      "awb_9_11_2_notice_dated_today",
    );
  });

  it("refuses a second postponement and an until not after the deadline", () => {
    const once = { ...base, postponement: { until: "2026-05-01", noticeSentOn: "2026-04-01" } };
    expect(checkPostpone(once, { until: "2026-05-08" }, "2026-04-20", cal)?.code).toBe("awb_9_11_postpone_once");
    expect(checkPostpone(base, { until: "2026-04-13" }, today, cal)?.code).toBe("postpone_not_later");
  });

  it("refuses a unilateral postponement once a postponement with consent exists (Awb 9:11(2) after 9:11(3))", () => {
    const steps: DeadlineStep[] = [{ kind: "consent", until: "2026-05-29", consentOn: "2026-04-01" }];
    expect(checkPostpone({ receivedOn: "2026-03-02", steps }, { until: "2026-06-05" }, "2026-04-20", cal)?.code).toBe(
      "awb_9_11_2_unilateral_after_consent",
    );
  });

  it("counts from the deadline as the Atw moved it (the documented choice): Good Friday 2026 → 7 April → 5 May", () => {
    const gf = { receivedOn: "2026-02-20", steps: [] };
    expect(complaintDeadline(gf, cal).deadline).toBe("2026-04-07");
    expect(checkPostpone(gf, { until: "2026-05-05" }, "2026-04-02", cal)).toBeNull();
    expect(checkPostpone(gf, { until: "2026-05-06" }, "2026-04-02", cal)?.code).toBe("awb_9_11_postpone_max_4_weeks");
  });
});

describe("Awb 9:11(3) further postponement with consent", () => {
  const base = { receivedOn: "2026-03-02", advisoryCommittee: false }; // deadline Mon 2026-04-13

  it("is refused when consent is given or recorded after the deadline in force passed", () => {
    expect(checkConsentPostpone(base, { until: "2026-06-30", consentOn: "2026-04-13" }, "2026-04-13", cal)).toBeNull();
    expect(checkConsentPostpone(base, { until: "2026-06-30", consentOn: "2026-04-14" }, "2026-04-14", cal)?.code).toBe(
      "awb_9_11_3_consent_after_deadline",
    );
    expect(checkConsentPostpone(base, { until: "2026-06-30", consentOn: "2026-04-10" }, "2026-04-15", cal)?.code).toBe(
      "awb_9_11_3_consent_after_deadline",
    );
  });

  it("the deadline is the last step's result, in the order taken, not an order fixed in code", () => {
    // A consent to 30 June, then (impossible now, but stored history) a postponement to 11 May: the last step wins.
    const steps: DeadlineStep[] = [
      { kind: "consent", until: "2026-06-30", consentOn: "2026-04-01" },
      { kind: "postponed", until: "2026-05-11", noticeSentOn: "2026-04-02" },
    ];
    const d = complaintDeadline({ receivedOn: "2026-03-02", steps }, cal);
    expect(d.deadline).toBe("2026-05-11");
    expect(d.basis.map((s) => s.kind)).toEqual(["received", "term", "consent", "postponed"]);
    // The old code sorted the consents after the postponement and would have said 30 June.
    expect(complaintDeadline({ receivedOn: "2026-03-02", steps: [...steps].reverse() }, cal).deadline).toBe("2026-06-30");
  });
});

describe("Awb 9:14 advisory committee", () => {
  it("gives ten weeks from receipt (then the Atw) when switched on before the six-week deadline", () => {
    const steps = withCommittee([], true, "2026-04-01");
    expect(steps).toEqual([{ kind: "committee", on: "2026-04-01" }]);
    expect(checkCommittee({ receivedOn: "2026-03-02", steps: [] }, true, "2026-04-13", cal)).toBeNull();
    expect(complaintDeadline({ receivedOn: "2026-03-02", steps }, cal).deadline).toBe("2026-05-11");
    expect(complaintDeadline({ receivedOn: "2026-01-26", steps: [{ kind: "committee", on: "2026-02-01" }] }, cal).deadline).toBe(
      "2026-04-07",
    );
  });

  it("is refused after the six-week deadline passed", () => {
    expect(checkCommittee({ receivedOn: "2026-03-02", steps: [] }, true, "2026-04-14", cal)?.code).toBe(
      "awb_9_14_committee_after_deadline",
    );
  });

  it("never gives a shorter deadline than the one in force", () => {
    // Consent to 30 June first, then the committee (ten weeks = 11 May): 30 June stays.
    const steps: DeadlineStep[] = [
      { kind: "consent", until: "2026-06-30", consentOn: "2026-04-01" },
      { kind: "committee", on: "2026-04-02" },
    ];
    const d = complaintDeadline({ receivedOn: "2026-03-02", steps }, cal);
    expect(d.deadline).toBe("2026-06-30");
    expect(describeBasis(d.basis, "en")).toContain("which stays 2026-06-30");
  });

  it("cannot be switched off once a postponement was measured from its ten weeks", () => {
    const steps: DeadlineStep[] = [
      { kind: "committee", on: "2026-03-05" },
      { kind: "postponed", until: "2026-06-01", noticeSentOn: "2026-04-01" },
    ];
    expect(checkCommittee({ receivedOn: "2026-03-02", steps }, false, "2026-04-01", cal)?.code).toBe("awb_9_14_committee_has_later_steps");
  });
});

describe("Awb 9:5 oral complaints", () => {
  it("phone and desk complaints resolved at once follow 9:5; not resolved, the written procedure; written channels neither", () => {
    expect(oralRuleFor("phone", true)).toBe("resolved_at_once");
    expect(oralRuleFor("desk", false)).toBe("written_procedure");
    expect(oralRuleFor("letter", false)).toBeNull();
    expect(oralRuleFor("web", true)).toBeNull();
  });
});

describe("Awb 9:11(2)/(3) together", () => {
  const base = { receivedOn: "2026-03-02", advisoryCommittee: false };
  it("further postponement with recorded consent, beyond four weeks", () => {
    const once = { ...base, postponement: { until: "2026-05-11", noticeSentOn: "2026-04-10" } };
    expect(checkConsentPostpone(once, { until: "2026-06-30", consentOn: "2026-05-08" }, "2026-05-08", cal)).toBeNull();
    expect(checkConsentPostpone(once, { until: "2026-05-11", consentOn: "2026-05-08" }, "2026-05-08", cal)?.code).toBe(
      "postpone_not_later",
    );
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
    expect(checkStepDate("sentOn", "2026-04-30", "2026-05-01", "2026-05-01", "decision_before_receipt")?.code).toBe(
      "decision_before_receipt",
    );
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
