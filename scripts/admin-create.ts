import "./server-only-stub";
import crypto from "node:crypto";
import { parseArgs } from "node:util";

/**
 * `npm run admin:create -- --email you@example.org [--name "Your Name"]`: the first admin of an installation
 * without demo accounts (and any later one). Migrates the database of DATABASE_URL when needed, creates the
 * account with a random one-time password, prints it once, and marks it so that the first sign-in leads
 * to the password change (every agent page and API refuses other work until then). An existing email is
 * refused, not overwritten.
 */
async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    fail('Give the new admin\'s email: npm run admin:create -- --email you@example.org [--name "Your Name"]');
  if (!process.env.DATABASE_URL)
    fail(
      "DATABASE_URL is not set: point it at the app's PostgreSQL (for the embedded one of `npm start`, see DATA_DIR/pg-password and EMBEDDED_PG_PORT).",
    );
  const { parseEnv } = await import("../lib/env");
  parseEnv();
  const { migrateDatabase } = await import("../db/migrate");
  await migrateDatabase(process.env.DATABASE_URL);
  const { db, closeDb } = await import("../db/client");
  const { users } = await import("../db/schema");
  const { hashPassword } = await import("../lib/auth/password");
  const { recordEvent, SYSTEM } = await import("../lib/platform/events");
  const password = crypto.randomBytes(15).toString("base64url"); // 120 bits, 20 characters
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(users)
      .values({ email, name: values.name?.trim() || email.split("@")[0], role: "admin", passwordHash, mustChangePassword: true })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (rows.length) await recordEvent(tx, SYSTEM("admin-create"), "user", rows[0].id, "created", { role: "admin", oneTimePassword: true });
    return rows[0];
  });
  await closeDb();
  if (!created) fail("A user with this email address already exists; nothing changed.");
  console.log(`
  Admin created: ${email}
  One-time password: ${password}

  Sign in at ${(process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "")}/login
  and choose your own password; this one works only for that.
`);
}

function fail(message: string): never {
  console.error(`\n[admin:create] ${message}\n`);
  process.exit(1);
}

main().catch((e) => {
  console.error(`[admin:create] ${(e as Error).message}`);
  process.exit(1);
});
