import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackPath("/agent/tickets?queue=frontdesk#x")).toBe("/agent/tickets?queue=frontdesk#x");
    expect(safeCallbackPath("/agent")).toBe("/agent");
  });
  it.each([
    "/\\evil.example",
    "//evil.example",
    "https://evil.example/agent",
    "javascript:alert(1)",
    "/\t/evil.example",
    "\\\\evil.example",
    "http:evil.example",
    "",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/agent");
  });
});
