import "server-only";
import { capability as appointments } from "@/lib/appointments";
import { capability as calls } from "@/lib/calls";
import { capability as complaints } from "@/lib/complaints";
import { capability as dashboards } from "@/lib/dashboards";
import { jobs as platformJobs } from "@/lib/jobs/platform-jobs";
import { registerJobs, registerWorkerService } from "@/lib/jobs/registry";
import { startJobWorker } from "@/lib/jobs/worker";
import type { CapabilityModule } from "@/lib/platform/capability";
import { registerHistoryProvider } from "@/lib/platform/customer-history";
import { capability as privacy } from "@/lib/privacy";
import { capability as tickets } from "@/lib/tickets";

/**
 * The composition root (issue 13): the one module that knows every capability. It imports each capability's
 * public face and registers what it contributes — jobs and worker services (lib/jobs/registry.ts), customer
 * history providers (lib/platform/customer-history.ts) — so that the platform, lib/jobs and the capabilities
 * never import each other for it. Importing it composes the process:
 * - the web server: instrumentation.ts (Next's start-up hook) imports it;
 * - the worker: scripts/start.ts calls `startWorker` from here;
 * - tests: vitest's setup file (tests/setup-server.ts) imports it;
 * - the demo seed (lib/demo/seed.ts) walks `CAPABILITIES` for their demo data.
 * Nothing in lib/ imports this module (only entry points do), so it may import everything without a cycle.
 */

/** Every capability, in the order their demo data is seeded (later ones link to earlier ones' people). */
export const CAPABILITIES: readonly CapabilityModule[] = [appointments, tickets, calls, complaints, dashboards, privacy];

function compose(): void {
  const jobs = [...platformJobs, ...CAPABILITIES.flatMap((c) => c.jobs ?? [])];
  const names = jobs.map((j) => j.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`job names must be unique across capabilities: ${twice.join(", ")}`);
  registerJobs(jobs);
  for (const c of CAPABILITIES) {
    for (const service of c.workerServices ?? []) registerWorkerService(service);
    if (c.history) registerHistoryProvider(c.history);
  }
}
compose();

/**
 * The worker process: every registered job (pg-boss, cluster-safe cron) and worker service (the SMTP listener).
 * `services: false` runs the jobs only.
 */
export function startWorker(opts: { services?: boolean } = {}): Promise<() => Promise<void>> {
  return startJobWorker(opts);
}
