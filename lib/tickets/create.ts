import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { createManualTicket } from "./service";

/**
 * A ticket made by an agent from a phone call (spec 03: "from a call, create a ticket"), channel `phone`,
 * linked to the call. Implemented by the tickets capability; returns the ticket number.
 */
export type PhoneTicketInput = {
  customerId: string | null;
  subject: string;
  body: string;
  queue: "frontdesk" | "backoffice" | "partners";
  callId?: number;
};

export async function createPhoneTicket(actor: Actor, input: PhoneTicketInput): Promise<{ number: number }> {
  return createManualTicket(actor, { ...input, channel: "phone" });
}
