/**
 * How the booking caps recognise one applicant (issue 11 item 4). Pure; the database keeps the result in
 * appointments.cap_email / cap_phone / cap_v_numbers (the migration backfills with the same rules in SQL).
 *
 * - email: trimmed, lower case, without a `+tag` in the local part (`a+1@x.nl` and `A@x.nl` are one person:
 *   plus-addressing would otherwise give a bot unlimited "new" addresses at one mailbox).
 * - phone: the digits in international form, Dutch numbers assumed for a national `0…` (`+31 6 1234 5678`,
 *   `0031612345678` and `06-12345678` are one number).
 * - V-numbers: the distinct ten-digit numbers of the persons.
 */
export function capEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf("@");
  if (at < 1) return e || null;
  const local = e.slice(0, at).replace(/\+.*$/, "");
  return `${local}${e.slice(at)}`;
}

export function capPhone(phone: string | null | undefined): string | null {
  const d = (phone ?? "").replace(/\D/g, "");
  if (!d) return null;
  if (d.startsWith("00")) return d.slice(2);
  if (d.startsWith("0")) return `31${d.slice(1)}`;
  return d;
}

export function capVNumbers(persons: { vNumber?: string | null }[]): string[] {
  return [...new Set(persons.map((p) => p.vNumber?.trim()).filter((v): v is string => !!v))].sort();
}
