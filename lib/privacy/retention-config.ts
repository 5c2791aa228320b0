import { z } from "zod";

/**
 * How long each kind of record keeps its personal data (AVG art. 5(1)(e), storage limitation), in days.
 * Defaults and reasons are written down here and in the README ("Privacy"); admins change them at
 * /agent/admin/privacy or `PUT /api/v1/admin/retention` (settings key `privacy.retention`).
 *
 * After its period a record is anonymised, not deleted, wherever the dashboards or the complaint register count
 * it: names, addresses, phone numbers, bodies and notes go; queue, status, dates, durations and outcomes stay,
 * so every total stays what it was. Records nobody counts (CTI payloads, ended slot alerts, acknowledgement
 * counters) are deleted.
 */
export const RETENTION_KEYS = [
  "rawMailDays",
  "ctiPayloadDays",
  "ticketDays",
  "callDays",
  "appointmentDays",
  "complaintDays",
  "outboxDays",
  "slotAlertDays",
  "mailAckDays",
  "customerDays",
] as const;
export type RetentionKey = (typeof RETENTION_KEYS)[number];
export type RetentionSettings = Record<RetentionKey, number>;

export const RETENTION_DEFAULTS: RetentionSettings = {
  // The raw MIME source of inbound mail (the evidence of what arrived, for a parse failure or a dispute about a
  // message); after a year the parsed message in the thread is enough.
  rawMailDays: 365,
  // The telephone system's events as received (caller numbers), kept to debug and replay the CTI merge; the
  // call row holds the result, and a quarter covers any investigation of the feed.
  ctiPayloadDays: 90,
  // Tickets after they were solved or closed: a follow-up question or a reopened case within two years still
  // finds the history; the email figures (received, first responses, SLA) are kept.
  ticketDays: 730,
  // Calls after the call: numbers, notes and the caller link; the call figures (rollups) are kept.
  callDays: 730,
  // Appointments after the appointment date: names, V-numbers, contact details; desk figures are kept.
  appointmentDays: 730,
  // Complaints after closing: five years. The register (Awb 9:12a) is published yearly and the annual report
  // shows the year beside the previous one; a complainant may take the complaint to the Nationale ombudsman
  // up to a year after the IND's handling ended (Awb title 9.2), whose investigation needs the file; and a new
  // complaint about conduct already complained about may be declined (Awb 9:8(1)(a)), which needs the earlier
  // file. Five years covers these with margin. The register's columns are kept for ever. To be confirmed
  // against the IND's archive selection list (Archiefwet 1995) before going live.
  complaintDays: 1826,
  // The outbox copy of sent (or finally failed) mail: a transport buffer, kept a quarter so admins can answer
  // "did it go out"; the case keeps its own copy (ticket thread, complaint letters) under its own period.
  outboxDays: 90,
  // Slot alerts after they ended (notified, unsubscribed, expired): only to answer "I never got the mail".
  slotAlertDays: 30,
  // Auto-acknowledgement counters (sender addresses, at most 3 per hour): needed for an hour; a week to look
  // into a mail loop.
  mailAckDays: 7,
  // A person's own row (name, email, phone, V-number) once no ticket, call, appointment or complaint points at
  // it any more and it was created longer ago than this.
  customerDays: 730,
};

/** Lower bounds: below these a setting would defeat a legal or working need (the reasons above). */
const MIN: RetentionSettings = {
  rawMailDays: 30,
  ctiPayloadDays: 7,
  ticketDays: 30,
  callDays: 30,
  appointmentDays: 30,
  complaintDays: 366,
  outboxDays: 7,
  slotAlertDays: 1,
  mailAckDays: 1,
  customerDays: 30,
};

export const retentionSettingsSchema = z
  .object(
    Object.fromEntries(
      RETENTION_KEYS.map((k) => [
        k,
        z.coerce.number().int(`whole days`).min(MIN[k], `at least ${MIN[k]} days`).max(36_500, "at most 100 years").optional(),
      ]),
    ) as Record<RetentionKey, z.ZodOptional<z.ZodCoercedNumber<unknown>>>,
  )
  .strict();

/** Defaults, overridden by the stored values that are still valid (a stored value out of bounds is ignored). */
export function effectiveRetention(stored: unknown): RetentionSettings {
  const out: RetentionSettings = { ...RETENTION_DEFAULTS };
  if (!stored || typeof stored !== "object") return out;
  for (const k of RETENTION_KEYS) {
    const parsed = retentionSettingsSchema.shape[k].safeParse((stored as Record<string, unknown>)[k]);
    if (parsed.success && parsed.data !== undefined) out[k] = parsed.data;
  }
  return out;
}

export const RETENTION_MINIMUMS = MIN;
