import { migrateDatabase } from "../db/migrate";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let database: TestDatabase | undefined;

/** One throw-away, migrated database per vitest run; tests make unique data and never reset it. */
export async function setup() {
  database = await createTestDatabase();
  await migrateDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOGIN_BLOCK_SECONDS ??= "2";
  // Every test request comes from this machine: the anonymous-write thresholds (issue 11.4) are lifted for
  // the suite; tests/bot-guard-http.test.ts starts its servers with low ones of its own.
  process.env.BOT_CHALLENGE_PER_CLIENT ??= "1000000";
  process.env.BOT_CHALLENGE_OVERALL ??= "1000000";
  (process.env as Record<string, string>).NODE_ENV = "test";
}

export async function teardown() {
  await database?.drop();
}
