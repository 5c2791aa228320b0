import { describe, expect, it } from "vitest";
import { effectiveRetention, RETENTION_DEFAULTS, retentionSettingsSchema } from "./retention-config";

describe("retention settings", () => {
  it("are the written-down defaults when nothing is stored", () => {
    expect(effectiveRetention(undefined)).toEqual(RETENTION_DEFAULTS);
    expect(RETENTION_DEFAULTS).toMatchObject({
      rawMailDays: 365,
      ctiPayloadDays: 90,
      ticketDays: 730,
      callDays: 730,
      appointmentDays: 730,
      complaintDays: 1826,
    });
  });

  it("take the stored values that are valid and ignore the rest", () => {
    const s = effectiveRetention({ callDays: 400, complaintDays: 10, rawMailDays: "abc", unknown: 5 });
    expect(s.callDays).toBe(400);
    expect(s.complaintDays).toBe(RETENTION_DEFAULTS.complaintDays);
    expect(s.rawMailDays).toBe(RETENTION_DEFAULTS.rawMailDays);
  });

  it("refuse a period below its minimum or an unknown setting, naming the field", () => {
    const low = retentionSettingsSchema.safeParse({ complaintDays: 30 });
    expect(low.success).toBe(false);
    expect(low.error?.issues[0]).toMatchObject({ path: ["complaintDays"], message: "at least 366 days" });
    expect(retentionSettingsSchema.safeParse({ callDays: 1.5 }).success).toBe(false);
    expect(retentionSettingsSchema.safeParse({ eventsDays: 10 }).success).toBe(false);
    expect(retentionSettingsSchema.parse({ callDays: "400" })).toEqual({ callDays: 400 });
  });
});
