import { badRequest } from "@/lib/errors";

/** `{number}` in ticket URLs: digits, or the KIC-123 form people quote. */
export function ticketNumberParam(raw: string): number {
  const m = decodeURIComponent(raw).match(/^(?:KIC-)?(\d{1,9})$/i);
  if (!m) throw badRequest("Not a ticket number", { number: "expected e.g. 123 or KIC-123" });
  return Number(m[1]);
}
