import type { IsoDate } from "@/lib/calendar/dates";

/**
 * The few functions one capability offers the others, typed here so that each capability can be built on
 * its own. Each capability implements its part in lib/<capability>/ (see the files named below).
 */

/** One line of a person's history, for the ticket sidebar and the call screen pop. */
export type HistoryItem = {
  type: "ticket" | "call" | "appointment" | "complaint";
  id: string;
  /** What people quote: KIC-123, an appointment reference, a complaint reference, a call time. */
  reference: string;
  title: string;
  status: string;
  at: string; // ISO 8601
  href: string; // agent page
  /**
   * Set on a line the viewer's role may not open (issue 11 item 7): only `type` and `at` are real — a complaint
   * shown to someone outside the complaints team says that one exists, never its text, subject or reference.
   */
  restricted?: true;
};

/** lib/appointments/stats.ts — desk figures per desk and local day (spec 05, "Desks"). */
export type DeskDayStats = { deskCode: string; date: IsoDate; places: number; booked: number; checkedIn: number; noShow: number };

/** lib/tickets/stats.ts — email figures (spec 05, "Email"); days are Europe/Amsterdam dates. */
export type EmailDayStats = { date: IsoDate; received: number; firstResponses: number; firstResponsesWithinSla: number };
export type EmailSummary = {
  received: number;
  firstResponses: number;
  firstResponsesWithinSla: number;
  /** Mean first-response time in working minutes, null when there were none. */
  meanFirstResponseWorkingMinutes: number | null;
  open: number;
  unassigned: number;
  overdue: number;
};

/** lib/complaints/stats.ts — complaint figures (spec 05, "Complaints"). */
export type ComplaintSummary = {
  received: number;
  closed: number;
  closedOnTime: number;
  /** Withdrawn by the complainant in the range: not handled, so in neither `closed` nor `closedOnTime`. */
  withdrawn: number;
  open: number;
  overdue: number;
  dueWithin5WorkingDays: number;
  unacknowledged: number;
};
export type ComplaintMonthStats = { month: string; closed: number; closedOnTime: number; withdrawn: number }; // month = YYYY-MM; closed excludes withdrawn
