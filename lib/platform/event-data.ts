/**
 * Event rows (the audit trail) hold no personal data: they are kept after the records they point at have been
 * anonymised (retention, erasure, lib/privacy/), and they are never rewritten (a trigger, db/migrations). This
 * rule belongs to the event log itself, so it lives beside recordEvent in the platform: the platform imports no
 * capability, and privacy builds on the platform's events, not the other way round (issue 13). Services put ids,
 * codes, dates and counts in an event's `data`; this is the safety net under that rule, applied by
 * recordEvent to everything it writes: free-text and contact fields are replaced by a marker, and so is any
 * string that holds an email address, wherever it sits.
 */
export const REDACTED = "[redacted]";

/** Keys whose values are free text or contact details, whatever the caller meant by them. */
const PERSONAL_KEYS = new Set([
  "email",
  "phone",
  "address",
  "vNumber",
  "customerName",
  "complainantName",
  "fromName",
  "toName",
  "notes",
  "note",
  "body",
  "text",
  "html",
  "description",
  "happenedWhen",
  "reasons",
  "report",
  "skippedBecause",
  "personConcerned",
  "q",
  "search",
]);

const EMAIL = /[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/i;

export function withoutPersonalData(value: unknown, key?: string): unknown {
  if (key !== undefined && PERSONAL_KEYS.has(key)) return value === null || value === undefined ? value : REDACTED;
  if (typeof value === "string") return EMAIL.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((v) => withoutPersonalData(v));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPersonalData(v, k)]));
  }
  return value;
}
