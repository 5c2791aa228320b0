import type { JobDefinition, WorkerService } from "./types";

/**
 * What the worker runs: the jobs and the long-running services (the SMTP listener) that the composition
 * root (lib/server.ts) registers for the platform and for each capability. lib/jobs imports no capability
 * (.dependency-cruiser.cjs); capabilities contribute through their public face, and the root registers them.
 */
const g = globalThis as unknown as { __kicJobs?: Map<string, JobDefinition>; __kicWorkerServices?: Map<string, WorkerService> };
const jobs = () => (g.__kicJobs ??= new Map());
const services = () => (g.__kicWorkerServices ??= new Map());

/**
 * Adds jobs by name. Registering a name again replaces it: Next and vitest may load the composition root more
 * than once in one process (each copy registers the same jobs); the root itself refuses two jobs of one name.
 */
export function registerJobs(definitions: readonly JobDefinition[]): void {
  for (const job of definitions) jobs().set(job.name, job);
}

export function registerWorkerService(service: WorkerService): void {
  services().set(service.name, service);
}

export const registeredJobs = (): JobDefinition[] => [...jobs().values()];
export const registeredWorkerServices = (): WorkerService[] => [...services().values()];
