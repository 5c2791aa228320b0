import { addDays, type IsoDate } from "@/lib/calendar/dates";
import { addWorkingDays, type AtwCalendar } from "./deadline";

/** Reminder kinds (spec 04, "Reminders"); each is sent once per complaint and deadline in force. */
export type ReminderKind = "handler_2_weeks" | "handler_3_working_days" | "supervisors_overdue";

/**
 * Which reminders are due for a complaint on `today` (pure; the job sends each once, kept by the unique
 * key (complaint, kind, deadline)):
 * - to the handler two weeks before the deadline, and again three working days before it;
 * - to the supervisors once the deadline has passed and the complaint is still open.
 * Only the most urgent handler reminder is due at a time: a complaint registered late does not get the
 * two-week one after the three-day one.
 */
export function dueReminders(
  c: { deadline: IsoDate; status: string; handlerId: string | null },
  today: IsoDate,
  cal: AtwCalendar,
): ReminderKind[] {
  if (c.status === "closed") return [];
  if (today > c.deadline) return ["supervisors_overdue"];
  if (!c.handlerId) return [];
  if (today >= addWorkingDays(c.deadline, -3, cal)) return ["handler_3_working_days"];
  if (today >= addDays(c.deadline, -14)) return ["handler_2_weeks"];
  return [];
}
