import { describe, expect, it } from "vitest";
import { demoRequested } from "./demo-mode";

describe("demo mode", () => {
  it.each([
    [{ SEED_DEMO: undefined, NODE_ENV: "development" }, true, true],
    [{ SEED_DEMO: undefined, NODE_ENV: "production" }, true, false],
    [{ SEED_DEMO: undefined, NODE_ENV: "development" }, false, false], // DATABASE_URL set, NODE_ENV unset/dev
    [{ SEED_DEMO: undefined, NODE_ENV: "production" }, false, false],
    [{ SEED_DEMO: "1", NODE_ENV: "production" }, false, true],
    [{ SEED_DEMO: "0", NODE_ENV: "development" }, true, false],
  ] as const)("%j on the embedded database: %s → %s", (e, embedded, expected) => {
    expect(demoRequested(e, embedded)).toBe(expected);
  });
});
