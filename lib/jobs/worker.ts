import "server-only";
import PgBoss from "pg-boss";
import { startSmtpListener } from "@/lib/tickets/smtp-listener";
import { bossOptions } from "./boss";
import { ALL_JOBS } from "./registry";
import { logger } from "@/lib/platform/logger";

/**
 * The worker half of the app: pg-boss job handlers and cluster-safe cron (any number of workers may run;
 * pg-boss hands each job to one), and the inbound SMTP listener. `npm start` runs it beside the web server;
 * `npm run start:worker` runs it alone.
 */
export async function startWorker(opts: { smtp?: boolean } = {}): Promise<() => Promise<void>> {
  const boss = new PgBoss(bossOptions("worker"));
  boss.on("error", (e) => logger.error({ err: e, component: "worker" }, "pg-boss error"));
  await boss.start();
  for (const job of ALL_JOBS) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([j]) => {
      await job.handler((j?.data as Record<string, unknown>) ?? {});
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "Europe/Amsterdam" });
  }
  const stopSmtp = opts.smtp === false ? null : await startSmtpListener();
  return async () => {
    await stopSmtp?.();
    await boss.stop({ graceful: true, timeout: 5000 });
  };
}
