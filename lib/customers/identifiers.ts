/**
 * The one matching rule per identifier of a person (issue 13): every capability that finds or creates a
 * customer goes through these, and the SQL side (customers_normalize_phone, db/migrations) holds the phone
 * rule to the same result (tests/customers.test.ts). Pure, no I/O, no "server-only": the CTI webhook's Pages
 * API route imports this module too.
 */

/** Email: trimmed, lower case (the unique index is on lower(email)). A `+tag` is part of the address here. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const e = raw?.trim().toLowerCase();
  return e || null;
}

/** Phone numbers by their national significant digits: +31 6…, 0031 6…, 06… are one number. */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let d = raw.replace(/\D/g, "");
  if (d.startsWith("00")) d = d.slice(2);
  if (d.startsWith("31") && d.length >= 11) d = "0" + d.slice(2);
  return d || null;
}

/** Fewer digits than this (an extension, a short code) never identify a person. */
export const MIN_PHONE_DIGITS = 6;

/** A number worth matching a person by, normalised; null for none or too short. */
export function matchablePhone(raw: string | null | undefined): string | null {
  const n = normalizePhone(raw);
  return n && n.length >= MIN_PHONE_DIGITS ? n : null;
}

/** V-number (vreemdelingennummer): its digits only (`12 3456 7890` and `1234567890` are one). */
export function normalizeVNumber(raw: string | null | undefined): string | null {
  const d = raw?.replace(/\D/g, "");
  return d || null;
}
