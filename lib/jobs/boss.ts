import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/platform/logger";

/**
 * pg-boss (jobs and cluster-safe cron in PostgreSQL). The worker starts it fully; web instances start a
 * light one (no maintenance, no cron) only to send wake-up jobs. Durable work is never only a job: the
 * row that needs the work (an outbox email, a reminder due) is written in the change's own transaction,
 * and a per-minute cron sweep picks up anything a lost wake-up missed.
 */
const g = globalThis as unknown as { __kicBoss?: Promise<PgBoss> };

export function bossOptions(role: "worker" | "web"): PgBoss.ConstructorOptions {
  return {
    connectionString: env().DATABASE_URL,
    max: 4,
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: role === "worker",
  };
}

export function getBoss(): Promise<PgBoss> {
  g.__kicBoss ??= (async () => {
    const boss = new PgBoss(bossOptions("web"));
    boss.on("error", (e) => logger.error({ err: e, component: "pg-boss" }, "pg-boss error"));
    await boss.start();
    return boss;
  })().catch((e) => {
    g.__kicBoss = undefined;
    throw e;
  });
  return g.__kicBoss;
}

/** Wake the worker for a queue now (best effort: the cron sweep is the safety net). */
export async function wake(queue: string, data: object = {}): Promise<void> {
  try {
    const boss = await getBoss();
    await boss.send(queue, data, { singletonKey: queue, singletonSeconds: 1 });
  } catch (e) {
    logger.warn({ err: e, queue }, "could not wake a queue");
  }
}
