import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { recordEvent, SYSTEM } from "@/lib/platform/events";

/**
 * The audit trail is append-only (db/sql/privacy.sql): the app's own connection — the table's owner here, as
 * on a laptop — cannot update, delete or truncate event rows (a trigger), and a role that is not the owner has
 * no such privilege even after a careless GRANT (revoked at every start).
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
    const role = `kic_app_${crypto.randomBytes(4).toString("hex")}`;
    const password = crypto.randomBytes(12).toString("hex");
    await db.execute(sql.raw(`create role ${role} login password '${password}'`));
    await db.execute(sql.raw(`grant all on events to ${role}; grant usage on sequence events_id_seq to ${role}`));
    // What every start does (db/migrate.ts applies db/sql/*.sql).
    await db.execute(sql.raw(fs.readFileSync(path.join(__dirname, "../db/sql/privacy.sql"), "utf8")));
    const url = new URL(process.env.DATABASE_URL!);
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
    } finally {
      await app.end();
      await db.execute(sql.raw(`drop owned by ${role}; drop role ${role}`));
    }
  });
});
