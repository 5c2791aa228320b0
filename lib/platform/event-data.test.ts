import { describe, expect, it } from "vitest";
import { REDACTED, withoutPersonalData } from "./event-data";

describe("event data without personal data", () => {
  it("replaces free-text and contact fields, at any depth", () => {
    expect(withoutPersonalData({ notes: "belde over zijn zoon", topic: "documents", nested: { phone: "0612345678", ok: 3 } })).toEqual({
      notes: REDACTED,
      topic: "documents",
      nested: { phone: REDACTED, ok: 3 },
    });
  });

  it("replaces any string holding an email address, in arrays too", () => {
    expect(withoutPersonalData({ from: "Jan <jan@example.org>", to: ["a@b.nl", "KIC-12"] })).toEqual({
      from: REDACTED,
      to: [REDACTED, "KIC-12"],
    });
  });

  it("keeps ids, codes, dates, numbers and nulls", () => {
    const data = {
      slotId: "AM-2027-03-01T09:00",
      from: "AM-2027-03-01T09:00",
      sentOn: "2027-03-01",
      version: 3,
      reason: "too_minor",
      notes: null,
      ok: true,
    };
    expect(withoutPersonalData(data)).toEqual(data);
  });
});
