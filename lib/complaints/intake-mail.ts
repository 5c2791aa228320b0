import "server-only";
import type { Tx } from "@/db/client";
import { localDate, NL_TZ } from "@/lib/calendar/time";
import { complaintFromMailIn } from "./service";

/**
 * Mail to a complaints mailbox (MAILBOXES `…=complaints`) becomes a complaint in triage (spec 04), created
 * by the SMTP intake (lib/tickets) inside the transaction that stores the message. Returns the complaint's
 * reference, or null when the complaints capability does not take it (then the mail becomes a ticket
 * tagged `klacht`).
 */
export type ComplaintMail = {
  customerId: string | null;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
  receivedAt: Date;
  /** The stored inbound message (tickets' message row id) the complaint links to. */
  inboundMessageId: string;
  language: "nl" | "en";
};

export async function complaintFromEmail(tx: Tx, mail: ComplaintMail): Promise<{ reference: string } | null> {
  // Received = the day the mail arrived, in the Netherlands (Awb 9:11 counts from receipt).
  return complaintFromMailIn(tx, { ...mail, receivedOn: localDate(mail.receivedAt, NL_TZ) });
}
