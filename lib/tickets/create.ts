import "server-only";
import type { Actor } from "@/lib/auth/roles";

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

export async function createPhoneTicket(_actor: Actor, _input: PhoneTicketInput): Promise<{ number: number }> {
  throw new Error("tickets capability not merged yet");
}
