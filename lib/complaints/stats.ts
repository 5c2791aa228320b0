import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import type { ComplaintMonthStats, ComplaintSummary, HistoryItem } from "@/lib/platform/contracts";

/**
 * Complaint figures over a range of dates (spec 05): received by receivedOn, closed/closedOnTime by the
 * closing date; open/overdue/dueWithin5WorkingDays/unacknowledged as of `now`.
 */
export async function complaintSummary(_range: { from: IsoDate; to: IsoDate }, _now: Date = new Date()): Promise<ComplaintSummary> {
  return { received: 0, closed: 0, closedOnTime: 0, open: 0, overdue: 0, dueWithin5WorkingDays: 0, unacknowledged: 0 };
}

export async function complaintMonthly(_range: { from: IsoDate; to: IsoDate }): Promise<ComplaintMonthStats[]> {
  return [];
}

/** A person's complaints, newest first. */
export async function complaintHistory(_customerId: string): Promise<HistoryItem[]> {
  return [];
}
