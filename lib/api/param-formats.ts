/**
 * Formats of the ids in API paths (client-safe: endpoint contracts name them, lib/api/endpoint.ts).
 * `apiRoute({ params: { id: "uuid" } })` checks each named path segment before anything else runs (no session lookup, no query), so a malformed id is a 404 — the URL names
 * nothing that can exist — and never reaches PostgreSQL as a cast error (a 500 before).
 */
export const PARAM_FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** bigserial / integer ids. */
  int: /^\d{1,15}$/,
  /** Ticket numbers: 123 or KIC-123. */
  ticketNumber: /^(?:KIC-)?\d{1,9}$/i,
  /** Complaint references: K-2026-00123, or an imported system's (lib/complaints/register.ts). */
  complaintReference: /^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$/,
  /**
   * Appointment references: made as desk code and two groups of four (lib/appointments/service.ts
   * newReference), but stored rows may carry others (tests, future formats): letters, digits and dashes.
   */
  appointmentReference: /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/,
  /** Desk codes (AM, BON; letters and digits). */
  deskCode: /^[A-Za-z0-9]{1,16}$/,
  /** Slot ids: desk, local date and start time (lib/appointments/slots.ts). */
  slotId: /^[A-Za-z]{2,5}-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
  /** Complaint category keys (behandelduur, nationale_ombudsman, …). */
  categoryKey: /^[a-z][a-z0-9_]{0,39}$/,
  /** A word in the path such as a complaint step. */
  slug: /^[a-z][a-z-]{0,39}$/,
} as const;

export type ParamFormat = keyof typeof PARAM_FORMATS;
export type ParamSpec = Record<string, ParamFormat>;
