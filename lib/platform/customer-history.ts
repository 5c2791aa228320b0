import "server-only";
import { appointmentHistory } from "@/lib/appointments/stats";
import { callHistory } from "@/lib/calls/history";
import { complaintHistory } from "@/lib/complaints/stats";
import { ticketHistory } from "@/lib/tickets/stats";
import type { HistoryItem } from "./contracts";

/** Everything the KIC has had with one person — tickets, calls, appointments, complaints — newest first. */
export async function customerHistory(customerId: string): Promise<HistoryItem[]> {
  const parts = await Promise.all([ticketHistory(customerId), callHistory(customerId), appointmentHistory(customerId), complaintHistory(customerId)]);
  return parts.flat().sort((a, b) => b.at.localeCompare(a.at));
}
