import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import type { EmailDayStats, EmailSummary, HistoryItem } from "@/lib/platform/contracts";

/** Email figures over a range of Europe/Amsterdam dates, both ends included; `open`/`overdue` are now. */
export async function emailSummary(_range: { from: IsoDate; to: IsoDate }, _now: Date = new Date()): Promise<EmailSummary> {
  return { received: 0, firstResponses: 0, firstResponsesWithinSla: 0, meanFirstResponseWorkingMinutes: null, open: 0, unassigned: 0, overdue: 0 };
}

export async function emailDaily(_range: { from: IsoDate; to: IsoDate }): Promise<EmailDayStats[]> {
  return [];
}

/** A person's tickets, newest first. */
export async function ticketHistory(_customerId: string): Promise<HistoryItem[]> {
  return [];
}
