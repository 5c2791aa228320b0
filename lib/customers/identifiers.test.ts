import { describe, expect, it } from "vitest";
import { matchablePhone, normalizeEmail, normalizePhone, normalizeVNumber } from "./identifiers";

describe("customer identifiers: one rule each", () => {
  it("email: trimmed and lower case; a +tag stays part of the address", () => {
    expect(normalizeEmail("  Maria.Santos@Example.COM ")).toBe("maria.santos@example.com");
    expect(normalizeEmail("maria+ind@example.com")).toBe("maria+ind@example.com");
    expect(normalizeEmail("   ")).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });

  it("phone: national significant digits, however written", () => {
    expect(normalizePhone("+31 6 1234 5678")).toBe("0612345678");
    expect(normalizePhone("0031612345678")).toBe("0612345678");
    expect(normalizePhone("06-12345678")).toBe("0612345678");
    expect(normalizePhone("0900 1234561")).toBe("09001234561");
    expect(normalizePhone("+599 717 1234")).toBe("5997171234");
    expect(normalizePhone("")).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });

  it("phone: too short to identify anyone", () => {
    expect(matchablePhone("201")).toBeNull();
    expect(matchablePhone("06 1234 5678")).toBe("0612345678");
  });

  it("V-number: its digits", () => {
    expect(normalizeVNumber("12 3456 7890")).toBe("1234567890");
    expect(normalizeVNumber(" ")).toBeNull();
  });
});
