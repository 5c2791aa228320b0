import { describe, expect, it } from "vitest";
import { capEmail, capPhone, capVNumbers } from "./identity";

describe("cap identities", () => {
  it("one mailbox, whatever the case or +tag", () => {
    expect(capEmail(" Maria.Santos+ind1@Example.com ")).toBe("maria.santos@example.com");
    expect(capEmail("maria.santos@example.com")).toBe("maria.santos@example.com");
    expect(capEmail(undefined)).toBeNull();
  });
  it("one phone number, national or international", () => {
    expect(capPhone("+31 6 1234 5678")).toBe("31612345678");
    expect(capPhone("0031612345678")).toBe("31612345678");
    expect(capPhone("06-12345678")).toBe("31612345678");
    expect(capPhone("+599 717 1234")).toBe("5997171234");
    expect(capPhone("")).toBeNull();
  });
  it("distinct V-numbers of the persons", () => {
    expect(capVNumbers([{ vNumber: "1234567890" }, { vNumber: null }, { vNumber: "1234567890" }, { vNumber: "0987654321" }])).toEqual([
      "0987654321",
      "1234567890",
    ]);
  });
});
