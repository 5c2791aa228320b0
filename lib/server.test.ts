import { describe, expect, it } from "vitest";
import { registeredJobs, registeredWorkerServices } from "@/lib/jobs/registry";
import { CAPABILITIES } from "./server";

/**
 * The composition root registers what every capability contributes (issue 13): the worker runs exactly what
 * is registered, so a capability left out of CAPABILITIES would silently lose its jobs.
 */
describe("composition root", () => {
  it("registers the platform's and every capability's jobs, and the SMTP listener", () => {
    const names = registeredJobs().map((j) => j.name);
    for (const job of [
      "outbox-deliver",
      "outbox-sweep",
      "housekeeping",
      ...CAPABILITIES.flatMap((c) => (c.jobs ?? []).map((j) => j.name)),
    ]) {
      expect(names).toContain(job);
    }
    // One per capability that has them (a spot check that the list is the real one).
    expect(names).toEqual(
      expect.arrayContaining(["appointments-reminders", "tickets-housekeeping", "complaint-reminders", "privacy-retention"]),
    );
    expect(registeredWorkerServices().map((s) => s.name)).toEqual(["smtp-listener"]);
  });

  it("lists every capability once, with a history provider for each kind of record", () => {
    const names = CAPABILITIES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CAPABILITIES.flatMap((c) => (c.history ? [c.history.type] : [])).sort()).toEqual(["appointment", "call", "complaint", "ticket"]);
  });
});
