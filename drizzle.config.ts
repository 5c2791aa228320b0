import { defineConfig } from "drizzle-kit";

// Migrations are generated into the repo (`npm run db:generate`) and applied at start by db/migrate.ts,
// never inside `next build`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/unused" },
});
