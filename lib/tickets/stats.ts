import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { addDays, eachDay, type IsoDate } from "@/lib/calendar/dates";
import { NL_TZ, zonedToInstant } from "@/lib/calendar/time";
import type { TicketQueue } from "@/db/schema/tickets";
import { can } from "@/lib/auth/roles";
import type { EmailDayStats, EmailSummary, HistoryItem } from "@/lib/platform/contracts";
import type { HistoryProvider } from "@/lib/platform/customer-history";
import { ticketQueuesFor } from "./access";
import { businessCalendar } from "./settings";
import { workingMinutesBetween } from "./sla";

const bounds = (range: { from: IsoDate; to: IsoDate }) =>
  [zonedToInstant(range.from, "00:00", NL_TZ), zonedToInstant(addDays(range.to, 1), "00:00", NL_TZ)] as const;

/** Email figures over a range of Europe/Amsterdam dates, both ends included; `open`/`overdue` are now. */
export async function emailSummary(range: { from: IsoDate; to: IsoDate }, now: Date = new Date()): Promise<EmailSummary> {
  const [from, to] = bounds(range);
  const [received, responses, current] = await Promise.all([
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from tickets where channel = 'email' and created_at >= ${from} and created_at < ${to}`,
    ),
    db.execute<{ created_at: Date; first_responded_at: Date; within: boolean }>(sql`
      select created_at, first_responded_at, (first_responded_at <= first_response_due_at) as within
      from tickets where channel = 'email' and first_responded_at >= ${from} and first_responded_at < ${to}`),
    db.execute<{ open: number; unassigned: number; overdue: number }>(sql`
      select count(*)::int as open,
             count(*) filter (where assignee_id is null)::int as unassigned,
             count(*) filter (where status in ('new','open') and
               (case when first_responded_at is null then first_response_due_at else resolution_due_at end) < ${now})::int as overdue
      from tickets where status in ('new','open','pending') and merged_into_id is null`),
  ]);
  const cal = await businessCalendar(db, now);
  const rows = responses.rows;
  const minutes = rows.map((r) => workingMinutesBetween(cal, new Date(r.created_at), new Date(r.first_responded_at)));
  return {
    received: received.rows[0].n,
    firstResponses: rows.length,
    firstResponsesWithinSla: rows.filter((r) => r.within).length,
    meanFirstResponseWorkingMinutes: minutes.length ? Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length) : null,
    ...current.rows[0],
  };
}

export async function emailDaily(range: { from: IsoDate; to: IsoDate }): Promise<EmailDayStats[]> {
  const [from, to] = bounds(range);
  const { rows } = await db.execute<{ day: string; received: number; first_responses: number; within: number }>(sql`
    with r as (
      select (created_at at time zone 'Europe/Amsterdam')::date::text as day, count(*)::int as n
      from tickets where channel = 'email' and created_at >= ${from} and created_at < ${to} group by 1),
    f as (
      select (first_responded_at at time zone 'Europe/Amsterdam')::date::text as day, count(*)::int as n,
             count(*) filter (where first_responded_at <= first_response_due_at)::int as within
      from tickets where channel = 'email' and first_responded_at >= ${from} and first_responded_at < ${to} group by 1)
    select coalesce(r.day, f.day) as day, coalesce(r.n, 0) as received, coalesce(f.n, 0) as first_responses, coalesce(f.within, 0) as within
    from r full join f on f.day = r.day`);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return [...eachDay(range.from, range.to)].map((date) => {
    const r = byDay.get(date);
    return { date, received: r?.received ?? 0, firstResponses: r?.first_responses ?? 0, firstResponsesWithinSla: r?.within ?? 0 };
  });
}

/** A person's tickets in the customer history: those of the queues the viewer's role reads (issue 11 item 7). */
export const ticketHistoryProvider: HistoryProvider = {
  type: "ticket",
  items: (viewer, customerId) => ticketHistory(customerId, can(viewer, "readTickets") ? ticketQueuesFor(viewer.role) : []),
};

/** A person's tickets in the given queues (those the viewer reads: lib/tickets/access.ts), newest first. */
export async function ticketHistory(customerId: string, queues: readonly TicketQueue[]): Promise<HistoryItem[]> {
  if (!queues.length) return [];
  const { rows } = await db.execute<{ id: string; number: number; subject: string; status: string; created_at: Date }>(sql`
    select id, number, subject, status, created_at from tickets
    where customer_id = ${customerId} and merged_into_id is null and queue = any(${`{${queues.join(",")}}`}::text[])
    order by created_at desc limit 100`);
  return rows.map((r) => ({
    type: "ticket",
    id: r.id,
    reference: `KIC-${r.number}`,
    title: r.subject,
    status: r.status,
    at: new Date(r.created_at).toISOString(),
    href: `/agent/tickets/${r.number}`,
  }));
}
