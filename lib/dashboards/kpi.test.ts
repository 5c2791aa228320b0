import { describe, expect, it } from "vitest";
import {
  ahtSeconds,
  asaSeconds,
  complaintOnTimePct,
  deskUtilisationPct,
  difference,
  emailWithinSlaPct,
  noShowRatePct,
  pct,
  reachabilityPct,
  round1,
  roundTo50,
  serviceLevelPct,
  showKpi,
} from "./kpi";

describe("KPI formulas (spec 05)", () => {
  it("reachability = answered ÷ offered × 100 with one decimal", () => {
    expect(reachabilityPct({ answered: 89, offered: 100 })).toBe(89);
    expect(reachabilityPct({ answered: 2, offered: 3 })).toBe(66.7);
    expect(reachabilityPct({ answered: 1, offered: 3 })).toBe(33.3);
    expect(reachabilityPct({ answered: 0, offered: 5 })).toBe(0);
    expect(reachabilityPct({ answered: 0, offered: 0 })).toBeNull();
  });
  it("rounds halves away from zero without binary drift", () => {
    expect(round1(89.45)).toBe(89.5);
    expect(round1(1.05)).toBe(1.1);
    expect(round1(-2.25)).toBe(-2.3);
    expect(pct(1, 8)).toBe(12.5);
    expect(pct(1, 16)).toBe(6.3); // 6.25 → 6.3
  });
  it("service level = answered within T ÷ offered", () => {
    expect(serviceLevelPct({ answeredWithinT: 80, offered: 100 })).toBe(80);
    expect(serviceLevelPct({ answeredWithinT: 0, offered: 0 })).toBeNull();
  });
  it("ASA is the mean wait of answered calls, AHT the mean talk time", () => {
    expect(asaSeconds({ waitSum: 95, waitCount: 3 })).toBe(31.7);
    expect(asaSeconds({ waitSum: 0, waitCount: 0 })).toBeNull();
    expect(ahtSeconds({ talkSum: 600, talkCount: 4 })).toBe(150);
    expect(ahtSeconds({ talkSum: 0, talkCount: 0 })).toBeNull();
  });
  it("email within SLA and complaint on-time", () => {
    expect(emailWithinSlaPct({ firstResponsesWithinSla: 9, firstResponses: 10 })).toBe(90);
    expect(emailWithinSlaPct({ firstResponsesWithinSla: 0, firstResponses: 0 })).toBeNull();
    expect(complaintOnTimePct({ closedOnTime: 83, closed: 100 })).toBe(83);
    expect(complaintOnTimePct({ closedOnTime: 4040, closed: 4440 })).toBe(91);
    expect(complaintOnTimePct({ closedOnTime: 0, closed: 0 })).toBeNull();
  });
  it("desk utilisation and no-show rate", () => {
    expect(deskUtilisationPct({ booked: 45, places: 60 })).toBe(75);
    expect(deskUtilisationPct({ booked: 0, places: 0 })).toBeNull();
    expect(noShowRatePct({ noShow: 1, checkedIn: 9 })).toBe(10);
    expect(noShowRatePct({ noShow: 0, checkedIn: 0 })).toBeNull();
  });
  it("the annual report rounds counts to the nearest 50", () => {
    expect(roundTo50(678_412)).toBe(678_400);
    expect(roundTo50(637_825)).toBe(637_850);
    expect(roundTo50(637_824)).toBe(637_800);
    expect(roundTo50(24)).toBe(0);
    expect(roundTo50(0)).toBe(0);
  });
  it("verschil comes from the unrounded figures", () => {
    // Rounded these are 678.400 and 637.800; the difference uses the exact counts.
    expect(difference("count", 678_412, 637_790)).toBe(-6);
    expect(difference("count", 100, 149)).toBe(49);
    expect(difference("count", 0, 10)).toBeNull();
    expect(difference("pct", 84.2, 88.9)).toBe(4.7);
    expect(difference("pct", null, 88.9)).toBeNull();
  });
  it("shows null as a dash", () => {
    expect(showKpi(null)).toBe("—");
    expect(showKpi(0)).toBe("0");
    expect(showKpi(12.5, (v) => `${v}%`)).toBe("12.5%");
  });
});
