import crypto from "node:crypto";
import type { Role } from "./roles";

/**
 * One-time sign-in tickets: POST /api/v1/auth/login (and the password change) verify the password, then
 * hand next-auth's credentials provider a ticket for the verified user instead of the password, so the
 * password is checked once per attempt. A ticket lives in this process only, for a few seconds, and is
 * used up by its first redemption; next-auth's callback endpoint therefore signs nobody in on its own.
 */
export type TicketUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  deskCodes: string[];
  sessionVersion: number;
  mustChangePassword?: boolean;
};

const TTL_MS = 10_000;
const g = globalThis as unknown as { __kicLoginTickets?: Map<string, { user: TicketUser; expires: number }> };
const tickets = (g.__kicLoginTickets ??= new Map());

export function issueLoginTicket(user: TicketUser): string {
  const now = Date.now();
  for (const [k, v] of tickets) if (v.expires < now) tickets.delete(k);
  const id = crypto.randomBytes(32).toString("base64url");
  tickets.set(id, { user, expires: now + TTL_MS });
  return id;
}

export function redeemLoginTicket(id: string): TicketUser | null {
  const t = tickets.get(id);
  if (!t) return null;
  tickets.delete(id);
  return t.expires >= Date.now() ? t.user : null;
}
