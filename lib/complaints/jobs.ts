import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { complaintReminders, complaints, users } from "@/db/schema";
import { addDays } from "@/lib/calendar/dates";
import type { JobDefinition } from "@/lib/jobs/types";
import { queueEmail, wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { renderReminder } from "./letters";
import { dueReminders } from "./reminders";
import { loadAtwCalendar, todayNl } from "./service";

/**
 * Sends the complaint reminders due at `now` (clock injected for tests). Each (complaint, kind, deadline)
 * is inserted once; only the transaction that inserts it queues the email, so reruns and concurrent
 * workers send nothing twice.
 */
export async function runComplaintReminders(now: Date = new Date()): Promise<{ reference: string; kind: string; to: string[] }[]> {
  const today = todayNl(now);
  const cal = await loadAtwCalendar();
  // Candidates: open, and the deadline within the two-week window or already past.
  const open = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      deadline: complaints.deadline,
      status: complaints.status,
      handlerId: complaints.handlerId,
    })
    .from(complaints)
    .where(and(sql`${complaints.status} <> 'closed'`, sql`${complaints.deadline} <= ${addDays(today, 14)}`));
  const supervisors = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "supervisor"), eq(users.active, true)));
  const sent: { reference: string; kind: string; to: string[] }[] = [];
  for (const c of open) {
    for (const kind of dueReminders(c, today, cal)) {
      await db.transaction(async (tx) => {
        const ins = await tx
          .insert(complaintReminders)
          .values({ complaintId: c.id, kind, deadline: c.deadline, sentAt: now })
          .onConflictDoNothing()
          .returning({ id: complaintReminders.id });
        if (!ins.length) return;
        let to: { email: string; locale: string }[] = supervisors;
        if (kind !== "supervisors_overdue") {
          to = c.handlerId
            ? await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, c.handlerId))
            : [];
        }
        for (const r of to) {
          const l = r.locale === "en" ? "en" : "nl";
          const text = renderReminder(kind, l, { reference: c.reference, deadline: c.deadline });
          await queueEmail(tx, {
            to: r.email,
            subject: text.subject,
            text: text.body,
            language: l,
            kind: `complaint.reminder.${kind}`,
            contextType: "complaint",
            contextId: c.id,
          });
        }
        await recordEvent(tx, SYSTEM("reminders"), "complaint", c.id, "reminder_sent", {
          kind,
          deadline: c.deadline,
          to: to.map((t) => t.email),
        });
        sent.push({ reference: c.reference, kind, to: to.map((t) => t.email) });
      });
    }
  }
  if (sent.length) await wakeOutbox();
  return sent;
}

/** Background jobs of the complaints capability (registered by the composition root, lib/server.ts). */
export const jobs: JobDefinition[] = [
  { name: "complaint-reminders", cron: "7 * * * *", handler: async () => void (await runComplaintReminders()) },
];
