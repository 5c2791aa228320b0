import type { JobDefinition } from "@/lib/jobs/types";

/** Background jobs of the calls capability (registered by the composition root, lib/server.ts). */
export const jobs: JobDefinition[] = [];
