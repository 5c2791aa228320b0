import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { migrationsBefore } from "./helpers/migrations";
import { createTestDatabase } from "./helpers/test-db";

/**
 * The audit trail is append-only (the migration that holds db/sql/privacy.sql's statements since issue 13):
 * the app's own connection — the table's owner here, as on a laptop — cannot update, delete or truncate event
 * rows (a trigger); a role that is not the owner loses those privileges when the migration runs, even after a
 * careless GRANT ALL; and a GRANT ALL made later still cannot rewrite a row (the trigger refuses every role).
 */
afterAll(async () => closeDb());

async function anEvent(): Promise<number> {
  const id = crypto.randomBytes(4).toString("hex");
  await recordEvent(db, SYSTEM("test"), "test", id, "created", { n: 1 });
  const { rows } = await db.execute<{ id: number }>(sql`select id from events where entity_type = 'test' and entity_id = ${id}`);
  return Number(rows[0].id);
}

describe("events are append-only", () => {
  it("the app's connection cannot UPDATE, DELETE or TRUNCATE event rows", async () => {
    const id = await anEvent();
    await expect(db.execute(sql`update events set action = 'changed' where id = ${id}`)).rejects.toMatchObject({
      cause: { code: "42501" },
    });
    await expect(db.execute(sql`delete from events where id = ${id}`)).rejects.toMatchObject({ cause: { code: "42501" } });
    await expect(db.execute(sql`truncate events`)).rejects.toMatchObject({ cause: { code: "42501" } });
    const { rows } = await db.execute<{ action: string }>(sql`select action from events where id = ${id}`);
    expect(rows).toEqual([{ action: "created" }]);
  });

  it("a role that is not the owner keeps INSERT but loses UPDATE and DELETE, even after GRANT ALL", async () => {
    // A database as the release before the append-only events left it, with a careless GRANT ALL; then the
    // migration runs (as at the start of the upgrade).
    const database = await createTestDatabase("kic_events");
    const before = migrationsBefore(/events_append_only/);
    const role = `kic_app_${crypto.randomBytes(4).toString("hex")}`;
    const password = crypto.randomBytes(12).toString("hex");
    const owner = new pg.Client({ connectionString: database.url });
    try {
      await migrateDatabase(database.url, before.folder);
      await owner.connect();
      await owner.query(`create role ${role} login password '${password}'`);
      await owner.query(`grant all on events to ${role}; grant usage on sequence events_id_seq to ${role}`);
      await migrateDatabase(database.url);
      const url = new URL(database.url);
      url.username = role;
      url.password = password;
      const app = new pg.Client({ connectionString: url.toString() });
      await app.connect();
      try {
        const { rows } = await app.query(
          `insert into events (actor_label, entity_type, entity_id, action) values ('app', 'test', $1, 'created') returning id`,
          [role],
        );
        await expect(app.query(`update events set action = 'x' where id = $1`, [rows[0].id])).rejects.toMatchObject({
          code: "42501",
          message: expect.stringContaining("permission denied"),
        });
        await expect(app.query(`delete from events where id = $1`, [rows[0].id])).rejects.toMatchObject({ code: "42501" });
        // Nothing re-revokes at start any more: a GRANT ALL after the migration meets the trigger instead.
        await owner.query(`grant all on events to ${role}`);
        await expect(app.query(`update events set action = 'x' where id = $1`, [rows[0].id])).rejects.toMatchObject({
          code: "42501",
          message: expect.stringContaining("append-only"),
        });
        await expect(app.query(`delete from events where id = $1`, [rows[0].id])).rejects.toMatchObject({ code: "42501" });
        await expect(app.query(`truncate events`)).rejects.toMatchObject({ code: "42501" });
      } finally {
        await app.end();
      }
    } finally {
      before.cleanup();
      await owner.query(`drop owned by ${role}; drop role ${role}`).catch(() => undefined);
      await owner.end().catch(() => undefined);
      await database.drop();
    }
  });
});
