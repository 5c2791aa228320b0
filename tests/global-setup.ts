import { migrateDatabase } from "../db/migrate";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let database: TestDatabase | undefined;

/** One throw-away, migrated database per vitest run; tests make unique data and never reset it. */
export async function setup() {
  database = await createTestDatabase();
  await migrateDatabase(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.LOGIN_BLOCK_SECONDS ??= "2";
  (process.env as Record<string, string>).NODE_ENV = "test";
}

export async function teardown() {
  await database?.drop();
}
