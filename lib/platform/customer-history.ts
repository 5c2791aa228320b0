import "server-only";
import { appointmentHistory } from "@/lib/appointments/stats";
import { can, type Actor } from "@/lib/auth/roles";
import { callHistory } from "@/lib/calls/history";
import { complaintHistory } from "@/lib/complaints/stats";
import { ticketQueuesFor } from "@/lib/tickets/access";
import { ticketHistory } from "@/lib/tickets/stats";
import type { HistoryItem } from "./contracts";

/**
 * Everything the KIC has had with one person — tickets, calls, appointments, complaints — newest first, as
 * far as the viewer's role may open it (issue 11 item 7): tickets of the queues it reads (complaint mail only
 * for the complaints team, supervisors and admins), calls it may see, appointments when it books them, and
 * complaints in full only for those who handle complaints. To everyone else a complaint is a bare line, "a
 * complaint exists, handled by the complaints team" (the panels word it), without reference, text or status.
 * Used by the ticket sidebar, the call screen pop and the complaint file.
 */
export async function customerHistory(viewer: Actor, customerId: string): Promise<HistoryItem[]> {
  const queues = can(viewer, "readTickets") ? ticketQueuesFor(viewer.role) : [];
  const [ticketItems, callItems, appointmentItems, complaintItems] = await Promise.all([
    queues.length ? ticketHistory(customerId, queues) : [],
    can(viewer, "workCalls") ? callHistory(customerId, viewer) : [],
    can(viewer, "bookForCaller") ? appointmentHistory(customerId) : [],
    complaintHistory(customerId),
  ]);
  const complaintsOpen = can(viewer, "handleComplaints");
  const complaintLines = complaintsOpen ? complaintItems : complaintItems.map((c, i): HistoryItem => restrictedComplaint(c.at, i));
  return [...ticketItems, ...callItems, ...appointmentItems, ...complaintLines].sort((a, b) => b.at.localeCompare(a.at));
}

function restrictedComplaint(at: string, index: number): HistoryItem {
  return { type: "complaint", id: `restricted-${index}`, reference: "", title: "", status: "", at, href: "", restricted: true };
}
