import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errorResponse, fromDatabaseError } from "./errors";
import { serializeError } from "./platform/logger";

/** Drizzle wraps the driver's error; the Postgres code is on `cause`. */
const wrapped = (code: string | undefined, message = "boom") =>
  new DrizzleQueryError("select $1", ["secret@example.org"], Object.assign(new Error(message), code ? { code } : {}));

describe("database errors → API errors", () => {
  it.each([
    ["23505", 409, "duplicate"],
    ["23503", 409, "reference_conflict"],
    ["23514", 422, "constraint_violation"],
    ["22P02", 400, "bad_request"],
    ["22007", 400, "bad_request"],
    ["22008", 400, "bad_request"],
    ["40001", 409, "concurrent_update"],
    ["57014", 503, "database_unavailable"],
    ["57P01", 503, "database_unavailable"],
    ["08006", 503, "database_unavailable"],
    ["ECONNREFUSED", 503, "database_unavailable"],
  ])("%s under drizzle's wrapper → %i %s", async (code, status, errCode) => {
    const r = errorResponse(wrapped(code));
    expect(r.status).toBe(status);
    expect((await r.json()).error.code).toBe(errCode);
    if (status === 503) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("pg's connection messages without a code are 503 too", () => {
    expect(fromDatabaseError(wrapped(undefined, "Connection terminated unexpectedly"))?.status).toBe(503);
    expect(fromDatabaseError(new Error("timeout exceeded when trying to connect"))?.status).toBe(503);
  });

  it("anything else is a 500 that says nothing", async () => {
    const r = errorResponse(new Error("secret detail"));
    expect(r.status).toBe(500);
    expect(JSON.stringify(await r.json())).not.toContain("secret");
  });

  it("logged errors carry the SQL but not its parameters", () => {
    const s = JSON.stringify(serializeError(wrapped("23505")));
    expect(s).toContain("select $1");
    expect(s).not.toContain("secret@example.org");
  });
});
