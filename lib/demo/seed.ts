import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { seedPlatformDemo, seedReferenceData } from "@/lib/platform/demo";
import { markDemoDatabase } from "@/lib/platform/demo-mode";
import { CAPABILITIES } from "@/lib/server";

/**
 * Seeds on an empty database: the reference data always, the demo accounts and demo cases when `demo`
 * (decided by lib/platform/demo-mode.ts, recorded in the settings table). Moved out of db/ (issue 13: db/
 * imports nothing from lib/); the capabilities' demo data comes through their public faces, in the
 * composition root's order (lib/server.ts). The start script calls this; tests and benches may too.
 * "Empty" = the seed never completed; a second start seeds nothing. Each capability's seedDemo() skips
 * itself when its tables already hold rows, so a start interrupted while seeding completes on the next one.
 */
export async function seedIfEmpty(opts: { demo: boolean; log?: (m: string) => void }): Promise<boolean> {
  const log = opts.log ?? ((m: string) => console.log(m));
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
  for (const capability of CAPABILITIES) {
    if (!capability.seedDemo) continue;
    const t = Date.now();
    await capability.seedDemo();
    log(`demo data: ${capability.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  await db.execute(sql`insert into settings (key, value) values ('seed.completed', to_jsonb(now())) on conflict do nothing`);
  log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
