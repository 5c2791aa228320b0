import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";
import { processSlotAlerts } from "./alerts";
import { releaseExpiredHolds, sendReminders } from "./reminders";

/** Background jobs of the appointments capability (registered by the composition root, lib/server.ts). */
export const jobs: JobDefinition[] = [
  {
    // Woken on every cancellation/reschedule/capacity change (service.ts wakeAlerts), and swept every minute.
    name: "appointments-slot-alerts",
    handler: async () => {
      await processSlotAlerts();
    },
  },
  {
    name: "appointments-slot-alerts-sweep",
    cron: "* * * * *",
    handler: async () => {
      await releaseExpiredHolds();
      await processSlotAlerts();
    },
  },
  {
    // The reminder the day before, once per appointment (reminder_sent_at).
    name: "appointments-reminders",
    cron: "*/10 * * * *",
    handler: async () => {
      await sendReminders();
    },
  },
];
