import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { officeClosedDays } from "@/db/schema";
import { eq } from "drizzle-orm";
import { DEFAULT_SLA, nlBusinessCalendar, type BusinessCalendar, type SlaTargets } from "./sla";

/** SLA targets from the `settings` table (`tickets.sla`), defaults of spec 02 otherwise; cached for 30 s. */
let targetsCache: { at: number; value: SlaTargets } | undefined;
export async function slaTargets(tx: DbOrTx): Promise<SlaTargets> {
  if (targetsCache && Date.now() - targetsCache.at < 30_000) return targetsCache.value;
  const { rows } = await tx.execute<{ value: Partial<SlaTargets> }>(sql`select value from settings where key = 'tickets.sla'`);
  const v = rows[0]?.value ?? {};
  const value = {
    firstResponseWorkingDays:
      Number(v.firstResponseWorkingDays) > 0 ? Number(v.firstResponseWorkingDays) : DEFAULT_SLA.firstResponseWorkingDays,
    resolutionWorkingDays: Number(v.resolutionWorkingDays) > 0 ? Number(v.resolutionWorkingDays) : DEFAULT_SLA.resolutionWorkingDays,
  };
  targetsCache = { at: Date.now(), value };
  return value;
}

let cached: { at: number; cal: BusinessCalendar } | undefined;
/** The NL business calendar with the days the KIC is closed (office_closed_days, NL); cached for a minute. */
export async function businessCalendar(tx: DbOrTx, now = new Date()): Promise<BusinessCalendar> {
  if (cached && Date.now() - cached.at < 60_000) return cached.cal;
  const extra = await tx.select({ day: officeClosedDays.day }).from(officeClosedDays).where(eq(officeClosedDays.calendar, "NL"));
  const cal = nlBusinessCalendar(
    now,
    extra.map((e) => e.day),
  );
  cached = { at: Date.now(), cal };
  return cal;
}
