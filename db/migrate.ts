import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const ROOT = path.resolve(__dirname, "..");
export const MIGRATIONS_FOLDER = path.join(ROOT, "db/migrations");

/**
 * Applies the committed drizzle migrations — all of the schema: tables and indexes generated from
 * db/schema/, and the functions, triggers, grants and backfills drizzle cannot express as custom SQL
 * migrations (README, "Schema changes"). Nothing else runs DDL. Runs at start, under an advisory lock so that
 * several instances starting at once migrate once; drizzle applies the pending migrations in one transaction.
 */
export async function migrateDatabase(databaseUrl: string, migrationsFolder: string = MIGRATIONS_FOLDER): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(724001)");
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(724001)").catch(() => undefined);
    await client.end();
  }
}
