import type { JobDefinition, WorkerService } from "@/lib/jobs/types";
import type { HistoryProvider } from "./customer-history";

/**
 * What a capability contributes to the processes that run it, exported from its public face
 * (lib/<capability>/index.ts as `capability`) and registered by the composition root (lib/server.ts):
 * the platform and lib/jobs never import a capability.
 */
export type CapabilityModule = {
  name: string;
  /** Background jobs and cron (run by the worker). */
  jobs?: readonly JobDefinition[];
  /** Long-running parts of the worker (the SMTP listener). */
  workerServices?: readonly WorkerService[];
  /** Its records of a person in the customer history, with its own rule of what a viewer may see. */
  history?: HistoryProvider;
  /** Its demo data, seeded once on an empty demo database (lib/demo/seed.ts); skips itself when its tables hold rows. */
  seedDemo?: () => Promise<void>;
};
