import type { JobDefinition } from "@/lib/jobs/types";

/** Background jobs of the complaints capability (run by the worker, lib/jobs/worker.ts). */
export const jobs: JobDefinition[] = [];
