import { z } from "zod";

/**
 * The database's own configuration, read from the environment and validated here, so that db/ needs
 * nothing from lib/ (.dependency-cruiser.cjs, `db-imports-no-lib`). lib/env.ts validates the whole
 * environment at start with this same schema (it extends it), so a bad value still stops the start with a
 * message naming the variable; db/client.ts reads only these fields.
 */
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const dbEnvSchema = z.object({
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  /** Connections per process in the PostgreSQL pool. */
  PG_POOL_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  /** statement_timeout of web processes (0 = none); db/client.ts says why each of these exists. */
  PG_STATEMENT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30_000)),
  /** statement_timeout of the worker, the seed and scripts (0 = none). */
  PG_WORKER_STATEMENT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(900_000)),
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(60_000)),
  /** How long to wait for a database connection before answering 503. */
  PG_CONNECT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(5_000)),
});

export type DbConfig = z.infer<typeof dbEnvSchema>;

/** The database settings of this process (validated on first use; an invalid value throws naming it). */
export function dbConfig(source: Record<string, string | undefined> = process.env): DbConfig {
  const result = dbEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid database configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
