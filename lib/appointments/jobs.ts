import type { JobDefinition } from "@/lib/jobs/types";

/** Background jobs of the appointments capability (run by the worker, lib/jobs/worker.ts). */
export const jobs: JobDefinition[] = [
  {
    // Woken on every cancellation/reschedule/capacity change (service.ts wakeAlerts), and swept every minute.
    name: "appointments-slot-alerts",
    handler: async () => {
      const { processSlotAlerts } = await import("./alerts");
      await processSlotAlerts();
    },
  },
  {
    name: "appointments-slot-alerts-sweep",
    cron: "* * * * *",
    handler: async () => {
      const { processSlotAlerts } = await import("./alerts");
      const { releaseExpiredHolds } = await import("./reminders");
      await releaseExpiredHolds();
      await processSlotAlerts();
    },
  },
  {
    // The reminder the day before, once per appointment (reminder_sent_at).
    name: "appointments-reminders",
    cron: "*/10 * * * *",
    handler: async () => {
      const { sendReminders } = await import("./reminders");
      await sendReminders();
    },
  },
];
