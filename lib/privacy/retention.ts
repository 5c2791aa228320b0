import "server-only";
import crypto from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/roles";
import { fromZod } from "@/lib/errors";
import { recordEvent, SYSTEM, type EventActor } from "@/lib/platform/events";
import {
  anonymiseAppointments,
  anonymiseCalls,
  anonymiseComplaints,
  anonymiseCustomers,
  anonymiseOutbox,
  anonymiseTickets,
} from "./anonymise";
import {
  effectiveRetention,
  RETENTION_DEFAULTS,
  RETENTION_MINIMUMS,
  retentionSettingsSchema,
  type RetentionSettings,
} from "./retention-config";

export const RETENTION_SETTINGS_KEY = "privacy.retention";

export async function retentionSettings(q: DbOrTx = db): Promise<RetentionSettings> {
  const { rows } = await q.execute<{ value: unknown }>(sql`select value from settings where key = ${RETENTION_SETTINGS_KEY}`);
  return effectiveRetention(rows[0]?.value);
}

/** What one run did, per record type: rows anonymised (or deleted, for the types nobody counts). */
export type RetentionCounts = {
  rawMailSources: number;
  ctiPayloads: number;
  tickets: number;
  calls: number;
  appointments: number;
  complaints: number;
  outboxMails: number;
  slotAlerts: number;
  mailAcks: number;
  customers: number;
};

/** Rows per transaction: short transactions, so the job never holds many rows locked while agents work. */
const BATCH = 500;

/**
 * Repeats one batch until it finds nothing more. Each batch picks its rows with `for update skip locked`, so
 * two workers running the job at once share the work instead of waiting or doing it twice, and a row an agent
 * is changing right now is simply left for tomorrow.
 */
async function inBatches(step: (tx: DbOrTx) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(step);
    total += n;
    if (n < BATCH) return total;
  }
}

const pick = async <T>(tx: DbOrTx, query: SQL): Promise<T[]> => (await tx.execute<{ id: T }>(query)).rows.map((r) => r.id);

/**
 * The daily retention run (AVG art. 5(1)(e)): every record past its period (lib/privacy/retention-config.ts)
 * is anonymised — or, for what no figure counts, deleted — and one event row records the run with its counts
 * and cut-offs. Idempotent: a second run finds nothing left to do. Event rows themselves are never touched
 * (they hold no personal data; a trigger keeps them append-only, db/migrations/0013).
 */
export async function runRetention(
  opts: { now?: Date; actor?: EventActor } = {},
): Promise<{ runId: string; counts: RetentionCounts; settings: RetentionSettings }> {
  const now = opts.now ?? new Date();
  const s = await retentionSettings();
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const beforeDate = (days: number) => before(days).slice(0, 10);

  const counts: RetentionCounts = {
    // The raw MIME source of inbound mail; the parsed message stays in the thread.
    rawMailSources: await inBatches(async (tx) => {
      const ids = await pick<string>(
        tx,
        sql`select id from ticket_messages where raw_source is not null and created_at < ${before(s.rawMailDays)}
        limit ${BATCH} for update skip locked`,
      );
      if (ids.length) await tx.execute(sql`update ticket_messages set raw_source = null where id = any(${`{${ids.join(",")}}`}::uuid[])`);
      return ids.length;
    }),
    // CTI payloads as received (the call row keeps the merged result). Oldest ids first: they are the old rows.
    ctiPayloads: await inBatches(async (tx) => {
      const { rowCount } = await tx.execute(sql`delete from cti_events where id in (
        select id from cti_events where received_at < ${before(s.ctiPayloadDays)} order by id limit ${BATCH} for update skip locked)`);
      return rowCount ?? 0;
    }),
    // Tickets solved or closed (a merged ticket is closed) longer ago than the period.
    tickets: await inBatches(async (tx) =>
      anonymiseTickets(
        tx,
        await pick<string>(
          tx,
          sql`select id from tickets where anonymised_at is null and status in ('solved','closed')
        and coalesce(closed_at, solved_at, updated_at) < ${before(s.ticketDays)} limit ${BATCH} for update skip locked`,
        ),
      ),
    ),
    // Calls by the time they were offered (calls_not_anonymised_idx keeps this cheap over years of calls).
    calls: await inBatches(async (tx) =>
      anonymiseCalls(
        tx,
        (
          await pick<number>(
            tx,
            sql`select id from calls where anonymised_at is null and offered_at < ${before(s.callDays)}
        limit ${BATCH} for update skip locked`,
          )
        ).map(Number),
      ),
    ),
    // Appointments by their start, whatever became of them.
    appointments: await inBatches(async (tx) =>
      anonymiseAppointments(
        tx,
        await pick<string>(
          tx,
          sql`select id from appointments where anonymised_at is null and starts_at < ${before(s.appointmentDays)}
        limit ${BATCH} for update skip locked`,
        ),
      ),
    ),
    // Complaints by their closing date; open complaints are never touched.
    complaints: await inBatches(async (tx) =>
      anonymiseComplaints(
        tx,
        await pick<string>(
          tx,
          sql`select id from complaints where anonymised_at is null and status = 'closed'
        and closed_on < ${beforeDate(s.complaintDays)}::date limit ${BATCH} for update skip locked`,
        ),
      ),
    ),
    // Outbox mail sent (or finally failed) longer ago than the period; queued mail is still needed.
    outboxMails: await inBatches(async (tx) =>
      anonymiseOutbox(
        tx,
        await pick<string>(
          tx,
          sql`select id from outbound_emails where anonymised_at is null and status in ('sent','failed')
        and coalesce(sent_at, created_at) < ${before(s.outboxDays)} limit ${BATCH} for update skip locked`,
        ),
      ),
    ),
    // Slot alerts that ended (or whose date passed, or never confirmed) longer ago than the period: deleted.
    slotAlerts: await inBatches(async (tx) => {
      const { rowCount } = await tx.execute(sql`delete from slot_alerts where id in (
        select id from slot_alerts
        where (status in ('notified','unsubscribed','expired') and coalesce(ended_at, notified_at, created_at) < ${before(s.slotAlertDays)})
           or "before" < ${beforeDate(s.slotAlertDays)}::date
           or (status = 'pending' and created_at < ${before(s.slotAlertDays)})
        limit ${BATCH} for update skip locked)`);
      return rowCount ?? 0;
    }),
    mailAcks: await inBatches(async (tx) => {
      const { rowCount } = await tx.execute(sql`delete from ticket_acks where id in (
        select id from ticket_acks where sent_at < ${before(s.mailAckDays)} limit ${BATCH} for update skip locked)`);
      return rowCount ?? 0;
    }),
    // Last, so that the records anonymised above no longer point at the person.
    customers: await inBatches(async (tx) =>
      anonymiseCustomers(
        tx,
        await pick<string>(
          tx,
          sql`select c.id from customers c where c.anonymised_at is null and c.created_at < ${before(s.customerDays)}
        and not exists (select 1 from tickets t where t.customer_id = c.id)
        and not exists (select 1 from calls k where k.customer_id = c.id)
        and not exists (select 1 from appointments a where a.customer_id = c.id)
        and not exists (select 1 from complaints p where p.customer_id = c.id)
        limit ${BATCH} for update of c skip locked`,
        ),
      ),
    ),
  };

  const runId = `${now.toISOString().slice(0, 10)}-${crypto.randomBytes(3).toString("hex")}`;
  await recordEvent(db, opts.actor ?? SYSTEM("retention"), "retention_run", runId, "run", { counts, settings: s, at: now.toISOString() });
  return { runId, counts, settings: s };
}

// ---- Admin ----------------------------------------------------------------------------------------------

/** The settings in force, the defaults and minimums beside them, and the last runs (from the event log). */
export async function retentionOverview(actor: Actor | null) {
  requirePermission(actor, "administer");
  const [settings, runs] = await Promise.all([
    retentionSettings(),
    db.execute<{ id: string; at: Date; actor: string; data: { counts: RetentionCounts } }>(sql`
      select entity_id as id, at, actor_label as actor, data from events where entity_type = 'retention_run' and action = 'run'
      order by at desc limit 10`),
  ]);
  return {
    settings,
    defaults: RETENTION_DEFAULTS,
    minimums: RETENTION_MINIMUMS,
    runs: runs.rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, counts: r.data.counts })),
  };
}

/** Changes some periods (the others keep theirs); a value below its minimum is a 400 naming the field. */
export async function updateRetentionSettings(actor: Actor | null, input: unknown): Promise<RetentionSettings> {
  const a = requirePermission(actor, "administer");
  const parsed = retentionSettingsSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, "Some retention periods are not valid");
  const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into settings (key, value, updated_at) values (${RETENTION_SETTINGS_KEY}, ${JSON.stringify(changes)}::jsonb, now())
      on conflict (key) do update set value = settings.value || excluded.value, updated_at = now()`);
    const s = await retentionSettings(tx);
    await recordEvent(tx, a, "settings", RETENTION_SETTINGS_KEY, "retention_changed", { changes });
    return s;
  });
}
