import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";
import { runRetention } from "./retention";

/**
 * The daily retention run (lib/privacy/retention.ts), at night when nobody works. pg-boss' cron hands it to
 * one worker; were it ever to run on two at once, SKIP LOCKED batches share the work and nothing is done twice.
 */
export const jobs: JobDefinition[] = [{ name: "privacy-retention", cron: "23 3 * * *", handler: async () => void (await runRetention()) }];
