/** A job a capability contributes to the worker: a queue, its handler, and optionally a cron schedule. */
export type JobDefinition = {
  name: string;
  /** Cron in Europe/Amsterdam time, e.g. `* * * * *` for every minute. */
  cron?: string;
  handler: (data: Record<string, unknown>) => Promise<void>;
};

/** A long-running part of the worker process (the inbound SMTP listener): started with it, stopped with it. */
export type WorkerService = {
  name: string;
  /** Starts the service; returns how to stop it, or null when it is switched off by configuration. */
  start: () => Promise<null | (() => Promise<void>)>;
};
