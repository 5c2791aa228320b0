import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { seedDemo as appointments } from "@/lib/appointments/demo";
import { seedDemo as calls } from "@/lib/calls/demo";
import { seedDemo as complaints } from "@/lib/complaints/demo";
import { seedDemo as dashboards } from "@/lib/dashboards/demo";
import { seedDemo as tickets } from "@/lib/tickets/demo";
import { seedPlatformDemo, seedReferenceData } from "@/lib/platform/demo";
import { markDemoDatabase } from "@/lib/platform/demo-mode";

/**
 * Seeds on an empty database: the reference data always, the demo accounts and demo cases when `demo`
 * (decided by lib/platform/demo-mode.ts, recorded in the settings table).
 * "Empty" = no users; a second start finds users and seeds nothing. Each capability's seedDemo() skips
 * itself when its tables already hold rows, so a start interrupted while seeding completes on the next one.
 */
export async function seedIfEmpty(opts: { demo: boolean; log?: (m: string) => void }): Promise<boolean> {
  const log = opts.log ?? console.log;
  const { rows } = await db.execute<{ done: boolean }>(sql`select exists(select 1 from settings where key = 'seed.completed') as done`);
  if (rows[0].done) return false;
  if (!opts.demo) {
    await seedReferenceData();
    await db.execute(sql`insert into settings (key, value) values ('seed.completed', to_jsonb(now())) on conflict do nothing`);
    log("reference data seeded (no demo data: production)");
    return true;
  }
  const started = Date.now();
  await markDemoDatabase(); // first: a start interrupted while seeding still knows this is a demo database
  await seedPlatformDemo();
  for (const [name, seed] of [
    ["appointments", appointments],
    ["tickets", tickets],
    ["calls", calls],
    ["complaints", complaints],
    ["dashboards", dashboards],
  ] as const) {
    const t = Date.now();
    await seed();
    log(`demo data: ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  await db.execute(sql`insert into settings (key, value) values ('seed.completed', to_jsonb(now())) on conflict do nothing`);
  log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
