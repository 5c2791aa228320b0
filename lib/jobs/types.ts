/** A job a capability contributes to the worker: a queue, its handler, and optionally a cron schedule. */
export type JobDefinition = {
  name: string;
  /** Cron in Europe/Amsterdam time, e.g. `* * * * *` for every minute. */
  cron?: string;
  handler: (data: Record<string, unknown>) => Promise<void>;
};
