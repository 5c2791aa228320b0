import crypto from "node:crypto";
import pg from "pg";

/** A desk of its own per test (unique code), open every day 08:00–20:00, so tests never share capacity. */
export async function createTestDesk(
  opts: { places?: number; minNoticeDays?: number; calendar?: "NL" | "BON" | "EUX" | "SAB"; timeZone?: string } = {},
) {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const code = "T" + Array.from(crypto.randomBytes(4), (b) => letters[b % 26]).join("");
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(
      `insert into products (key, name_nl, name_en, minutes_per_person) values ('BIO','Biometrie','Biometrics',15) on conflict do nothing`,
    );
    await c.query(
      `insert into products (key, name_nl, name_en, minutes_per_person) values ('DOC','Document','Document',10) on conflict do nothing`,
    );
    await c.query(
      `insert into desks (code, name_nl, name_en, address, time_zone, holiday_calendar, slot_minutes, places_per_slot, horizon_days, min_notice_days)
       values ($1, $1, $1, 'Teststraat 1', $2, $3, 15, $4, 90, $5)`,
      [code, opts.timeZone ?? "Europe/Amsterdam", opts.calendar ?? "NL", opts.places ?? 3, opts.minNoticeDays ?? 1],
    );
    await c.query(`insert into desk_products (desk_code, product_key) values ($1, 'BIO'), ($1, 'DOC')`, [code]);
    for (let wd = 0; wd <= 6; wd++)
      await c.query(`insert into desk_opening_hours (desk_code, weekday, opens, closes, places) values ($1, $2, '08:00', '20:00', $3)`, [
        code,
        wd,
        opts.places ?? 3,
      ]);
  } finally {
    await c.end();
  }
  return code;
}

export async function query<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}
