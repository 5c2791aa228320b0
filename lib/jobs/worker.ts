import "server-only";
import PgBoss from "pg-boss";
import { logger } from "@/lib/platform/logger";
import { bossOptions } from "./boss";
import { registeredJobs, registeredWorkerServices } from "./registry";

/**
 * The worker half of the app: pg-boss job handlers and cluster-safe cron (any number of workers may run;
 * pg-boss hands each job to one), and the long-running services (the inbound SMTP listener). It runs what
 * was registered (lib/jobs/registry.ts) — the composition root (lib/server.ts) registers every capability's
 * jobs and services before it calls this. `npm start` runs it beside the web server; `npm run start:worker`
 * runs it alone. `services: false` starts the jobs only.
 */
export async function startJobWorker(opts: { services?: boolean } = {}): Promise<() => Promise<void>> {
  const jobs = registeredJobs();
  if (!jobs.length) throw new Error("No jobs are registered: start the worker through the composition root (lib/server.ts)");
  const boss = new PgBoss(bossOptions("worker"));
  boss.on("error", (e) => logger.error({ err: e, component: "worker" }, "pg-boss error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([j]) => {
      await job.handler((j?.data as Record<string, unknown>) ?? {});
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "Europe/Amsterdam" });
  }
  const stops: (() => Promise<void>)[] = [];
  if (opts.services !== false) {
    for (const service of registeredWorkerServices()) {
      const stop = await service.start();
      if (stop) stops.push(stop);
    }
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
    await boss.stop({ graceful: true, timeout: 5000 });
  };
}
