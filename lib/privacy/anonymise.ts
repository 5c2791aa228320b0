import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Anonymising a record, the one way both the retention job and an erasure request do it (AVG art. 5(1)(e),
 * 17): names, addresses, phone numbers, V-numbers, bodies, notes and files go; what the dashboards and the
 * complaint register count stays — queue, channel, status, outcome, dates, durations, counts of persons. So
 * every total (call rollups, email figures, complaint timeliness, desk use) is the same before and after.
 * The link to the person (customer_id) is cut, so the person's history no longer shows the record.
 *
 * Each function takes the ids to anonymise, skips rows already done (`anonymised_at is null`, so running
 * twice changes nothing more) and returns how many rows it changed. Call it inside a transaction.
 */

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
const bigints = (ids: readonly number[]) => sql`${`{${ids.join(",")}}`}::bigint[]`;

/** Tickets: subject, the customer link, every message's addresses, bodies and raw source, the attachments. */
export async function anonymiseTickets(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await tx.execute<{ id: string }>(sql`
    update tickets set subject = '', customer_id = null, anonymised_at = now()
    where id = any(${uuids(ids)}) and anonymised_at is null returning id`);
  if (!rows.length) return 0;
  const done = uuids(rows.map((r) => r.id));
  await tx.execute(sql`delete from ticket_attachments where message_id in (select id from ticket_messages where ticket_id = any(${done}))`);
  // Inbound messages lose who wrote them; our replies and notes keep the agent's name (staff, not the customer).
  await tx.execute(sql`
    update ticket_messages set from_address = null, from_name = null, to_address = null, subject = null, text_body = '',
      html_raw = null, raw_source = null,
      author_label = case when direction = 'in' and author_id is null then null else author_label end
    where ticket_id = any(${done})`);
  await tx.execute(sql`delete from ticket_acks where ticket_id = any(${done})`);
  return rows.length;
}

/** Calls: both numbers, the notes and the customer link (their CTI payloads too); the figures stay. */
export async function anonymiseCalls(tx: DbOrTx, ids: readonly number[]): Promise<number> {
  if (!ids.length) return 0;
  // The rollup triggers (db/migrations/0013) see no change in the counted columns and write nothing.
  const { rows } = await tx.execute<{ id: number }>(sql`
    update calls set from_number = null, to_number = null, notes = null, customer_id = null, anonymised_at = now()
    where id = any(${bigints(ids)}) and anonymised_at is null returning id`);
  if (rows.length) await tx.execute(sql`delete from cti_events where call_id = any(${bigints(rows.map((r) => Number(r.id)))})`);
  return rows.length;
}

/** Appointments: every person's name and V-number (the number of persons stays), email, phone, customer link. */
export async function anonymiseAppointments(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await tx.execute(sql`
    update appointments set
      person_list = (select jsonb_agg(jsonb_build_object('name', '')) from generate_series(1, persons)),
      email = null, phone = null, customer_id = null, anonymised_at = now()
    where id = any(${uuids(ids)}) and anonymised_at is null`);
  return rowCount ?? 0;
}

/**
 * Complaints: the complainant (name, addresses, phone, V-number), what it was about in their words, the
 * handler's notes, reports and reasons, the letters' addresses and texts, the attachments. The register's
 * columns (Awb 9:12a: reference, receipt, channel, subject, outcome, deadline, closing) stay.
 */
export async function anonymiseComplaints(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await tx.execute<{ id: string }>(sql`
    update complaints set complainant_name = '', complainant_email = null, complainant_address = null, complainant_phone = null,
      v_number = null, customer_id = null, description = '', happened_when = null, person_concerned = null,
      informal_note = case when informal_note is null then null else '' end,
      hearing_report = null,
      hearing_skipped_because = case when hearing_skipped_because is null then null else '' end,
      decision_reasons = case when decision_reasons is null then null else '' end,
      anonymised_at = now()
    where id = any(${uuids(ids)}) and anonymised_at is null returning id`);
  if (!rows.length) return 0;
  const done = uuids(rows.map((r) => r.id));
  await tx.execute(sql`delete from complaint_attachments where complaint_id = any(${done})`);
  await tx.execute(sql`update complaint_letters set to_address = null, body = '' where complaint_id = any(${done})`);
  return rows.length;
}

/** Outbox mail: address, name, subject, bodies, attachments, headers, the relay's error text. Status and dates stay. */
export async function anonymiseOutbox(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await tx.execute(sql`
    update outbound_emails set to_address = '', to_name = null, subject = '', text_body = '', html_body = null,
      attachments = '[]'::jsonb, headers = '{}'::jsonb, last_error = case when last_error is null then null else '' end,
      anonymised_at = now()
    where id = any(${uuids(ids)}) and anonymised_at is null and status <> 'queued'`);
  return rowCount ?? 0;
}

/** The person's own row: name, email, phone, V-number. The row stays (records may still point at its id). */
export async function anonymiseCustomers(tx: DbOrTx, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await tx.execute(sql`
    update customers set name = null, email = null, phone = null, v_number = null, anonymised_at = now()
    where id = any(${uuids(ids)}) and anonymised_at is null`);
  return rowCount ?? 0;
}
