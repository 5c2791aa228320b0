import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { complaints } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import type { IsoDate } from "@/lib/calendar/dates";
import type { ComplaintMonthStats, ComplaintSummary, HistoryItem } from "@/lib/platform/contracts";
import type { HistoryProvider } from "@/lib/platform/customer-history";
import { addWorkingDays } from "./deadline";
import { loadAtwCalendar, todayNl } from "./service";

/**
 * Complaint figures over a range of dates (spec 05): received by receivedOn, closed/closedOnTime by the
 * closing date; open/overdue/dueWithin5WorkingDays/unacknowledged as of `now`.
 * Handled on time = closed on or before the deadline in force (spec 04). A complaint the complainant
 * withdrew was not handled: it is counted apart (`withdrawn`), never as closed on time or late.
 */
export async function complaintSummary(range: { from: IsoDate; to: IsoDate }, now: Date = new Date()): Promise<ComplaintSummary> {
  const today = todayNl(now);
  const soon = addWorkingDays(today, 5, await loadAtwCalendar());
  const { rows } = await db.execute<ComplaintSummary>(sql`
    select
      count(*) filter (where received_on between ${range.from} and ${range.to})::int as "received",
      count(*) filter (where closed_on between ${range.from} and ${range.to} and closed_as is distinct from 'withdrawn')::int as "closed",
      count(*) filter (where closed_on between ${range.from} and ${range.to} and closed_as is distinct from 'withdrawn' and closed_on <= deadline)::int as "closedOnTime",
      count(*) filter (where closed_on between ${range.from} and ${range.to} and closed_as = 'withdrawn')::int as "withdrawn",
      count(*) filter (where status <> 'closed' and received_on <= ${today})::int as "open",
      count(*) filter (where status <> 'closed' and deadline < ${today})::int as "overdue",
      count(*) filter (where status <> 'closed' and deadline between ${today} and ${soon})::int as "dueWithin5WorkingDays",
      count(*) filter (where status <> 'closed' and acknowledged_on is null)::int as "unacknowledged"
    from complaints`);
  return rows[0];
}

export async function complaintMonthly(range: { from: IsoDate; to: IsoDate }): Promise<ComplaintMonthStats[]> {
  const { rows } = await db.execute<ComplaintMonthStats>(sql`
    select to_char(closed_on, 'YYYY-MM') as "month",
           count(*) filter (where closed_as is distinct from 'withdrawn')::int as "closed",
           count(*) filter (where closed_as is distinct from 'withdrawn' and closed_on <= deadline)::int as "closedOnTime",
           count(*) filter (where closed_as = 'withdrawn')::int as "withdrawn"
    from complaints where closed_on between ${range.from} and ${range.to}
    group by 1 order by 1`);
  return rows;
}

/**
 * A person's complaints in the customer history (issue 11 item 7): in full only for those who handle
 * complaints; to everyone else each is a bare line, "a complaint exists, handled by the complaints team" (the
 * panels word it), without reference, text or status.
 */
export const complaintHistoryProvider: HistoryProvider = {
  type: "complaint",
  items: async (viewer, customerId) => {
    const items = await complaintHistory(customerId);
    return can(viewer, "handleComplaints") ? items : items.map((c, i) => restrictedComplaint(c.at, i));
  },
};

function restrictedComplaint(at: string, index: number): HistoryItem {
  return { type: "complaint", id: `restricted-${index}`, reference: "", title: "", status: "", at, href: "", restricted: true };
}

/** A person's complaints, newest first. */
export async function complaintHistory(customerId: string): Promise<HistoryItem[]> {
  const rows = await db
    .select({
      reference: complaints.reference,
      subject: complaints.subject,
      status: complaints.status,
      createdAt: complaints.createdAt,
      receivedOn: complaints.receivedOn,
      description: complaints.description,
    })
    .from(complaints)
    .where(eq(complaints.customerId, customerId))
    .orderBy(desc(complaints.receivedOn))
    .limit(50);
  return rows.map((r) => ({
    type: "complaint" as const,
    id: r.reference,
    reference: r.reference,
    title: r.description.slice(0, 80),
    status: r.status,
    at: `${r.receivedOn}T12:00:00+00:00`,
    href: `/agent/complaints/${encodeURIComponent(r.reference)}`,
  }));
}
