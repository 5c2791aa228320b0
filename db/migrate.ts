import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const ROOT = path.resolve(__dirname, "..");
const MIGRATIONS = path.join(ROOT, "db/migrations");
const EXTRA_SQL = path.join(ROOT, "db/sql");

/**
 * Applies the committed drizzle migrations, then the idempotent SQL in db/sql/ (functions, triggers: the
 * things drizzle's schema cannot say). Runs at start, under an advisory lock so that several instances
 * starting at once migrate once.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(724001)");
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    if (fs.existsSync(EXTRA_SQL)) {
      for (const file of fs
        .readdirSync(EXTRA_SQL)
        .filter((f) => f.endsWith(".sql"))
        .sort()) {
        await client.query(fs.readFileSync(path.join(EXTRA_SQL, file), "utf8"));
      }
    }
  } finally {
    await client.query("select pg_advisory_unlock(724001)").catch(() => undefined);
    await client.end();
  }
}
