import type { TicketQueue } from "@/db/schema/tickets";
import { can, queuesFor, type Role } from "@/lib/auth/roles";

/**
 * Which ticket queues a role may read (issue 11 item 7). The work queues as for calls (frontdesk its own,
 * backoffice all three), and the `complaints` queue — mail to a complaints mailbox — only for the roles that
 * handle complaints (complaints team, supervisors, admins). Every ticket read in lib/tickets (list, search,
 * view, attachments, raw source, presence) and the customer history go through this; the database keeps
 * tickets and messages from crossing into or out of that queue (a custom migration, db/migrations/0013).
 */
export function ticketQueuesFor(role: Role): TicketQueue[] {
  const queues: TicketQueue[] = [...queuesFor(role)];
  if (can({ role }, "handleComplaints")) queues.push("complaints");
  return queues;
}

/** Complaint mail is read here, handled in the complaint file: no replies, notes, changes or merges. */
export const isComplaintQueue = (queue: string) => queue === "complaints";
