import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appointmentEndpoint, holdEndpoint, slotsEndpoint } from "./contract";
import { endpointUrl, queryKeys } from "@/lib/api/endpoint";
import { bookBody, agentBookBody, alertBody } from "./contract";
import { AppError, fromZod } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/api/error-codes";

const codes = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  return zodFieldErrors(r.error.issues);
};
const failure = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  return r.error;
};

describe("the zod error map: every rejected field gets a code the UI translates", () => {
  const ok = { slotId: "AM-2030-01-01T09:00", product: "BIO", persons: [{ name: "A" }], email: "a@example.com" };

  it("names required, email, V-number, phone and length codes, keeping the English message", () => {
    const r = codes(bookBody, { ...ok, persons: [{ name: " ", vNumber: "123" }], email: "maria@", phone: "abc" });
    expect(r.fieldCodes).toEqual({
      "persons.0.name": "required",
      "persons.0.vNumber": "v_number_format",
      email: "invalid_email",
      phone: "phone_format",
    });
    expect(r.fields.email).toBe("not a valid email address");
    const long = codes(bookBody, { ...ok, persons: [{ name: "x".repeat(201) }] });
    expect(long.fieldCodes["persons.0.name"]).toBe("too_long");
    expect(long.fieldParams["persons.0.name"]).toEqual({ max: 200 });
  });

  it("a missing field is required; a date in the wrong form is date_format; a refine carries its own code", () => {
    expect(codes(alertBody, { email: " ", product: "BIO", persons: 1, before: "8-12-2026" }).fieldCodes).toEqual({
      email: "required",
      before: "date_format",
    });
    expect(codes(agentBookBody, { ...ok, email: "" }).fieldCodes).toEqual({ phone: "contact_required" });
    expect(codes(bookBody, { ...ok, persons: Array(7).fill({ name: "A" }) }).fieldCodes).toEqual({ persons: "too_many" });
  });

  it("the API body carries fieldCodes for every field (a rule's code, or invalid for a plain 400) and params", () => {
    expect(fromZod(failure(bookBody, { ...ok, email: "x" })).toBody().error).toMatchObject({
      code: "bad_request",
      fields: { email: "not a valid email address" },
      fieldCodes: { email: "invalid_email" },
    });
    const rule = new AppError(422, "booking_cap_email", "over the cap", { email: "already 2" }, undefined, undefined, {
      params: { max: 2 },
    });
    expect(rule.toBody().error).toMatchObject({ fieldCodes: { email: "booking_cap_email" }, params: { max: 2 } });
    expect(new AppError(400, "bad_request", "bad", { body: "not JSON" }).toBody().error.fieldCodes).toEqual({ body: "invalid" });
    expect(new AppError(404, "not_found", "gone").toBody().error).toEqual({ code: "not_found", message: "gone" });
  });
});
describe("declared endpoints", () => {
  it("fill path parameters (encoded) and the query (arrays repeated, empty values left out)", () => {
    expect(endpointUrl(holdEndpoint, { params: { id: "AM-2030-01-01T09:00" } })).toBe("/api/v1/slots/AM-2030-01-01T09%3A00/hold");
    expect(endpointUrl(slotsEndpoint, { query: { desk: ["AM", "DH"], product: "BIO", persons: 2, from: undefined, to: "" } })).toBe(
      "/api/v1/slots?desk=AM&desk=DH&product=BIO&persons=2",
    );
    expect(endpointUrl(appointmentEndpoint, { params: { reference: "AM-2345-6789" }, query: { token: undefined } })).toBe(
      "/api/v1/appointments/AM-2345-6789",
    );
    expect(() => endpointUrl(holdEndpoint, {})).toThrow(/id is missing/);
  });

  it("query keys start with the endpoint's key, so invalidating the prefix refreshes every call of it", () => {
    const key = queryKeys(slotsEndpoint, { query: { product: "BIO" } });
    expect(key).toEqual(["appointments.slots", {}, { product: "BIO" }]);
    expect(queryKeys(slotsEndpoint)).toEqual(["appointments.slots"]);
    expect(key.slice(0, 1)).toEqual(queryKeys(slotsEndpoint));
  });
});
