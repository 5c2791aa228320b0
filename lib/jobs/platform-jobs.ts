import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { deliverDueEmails } from "@/lib/mail/deliver";
import type { JobDefinition } from "./types";

/** The platform's own jobs: the outbox, and housekeeping. */
export const jobs: JobDefinition[] = [
  // Woken right after a change queues mail (lib/mail/outbox.ts wakeOutbox), and swept every minute so that
  // a lost wake-up or a retry that came due is never left waiting long.
  { name: "outbox-deliver", handler: async () => void (await deliverDueEmails()) },
  { name: "outbox-sweep", cron: "* * * * *", handler: async () => void (await deliverDueEmails(500)) },
  {
    // Housekeeping: expired rate-limit rows, and audit events of sessions are kept; nothing else to purge here.
    name: "housekeeping",
    cron: "17 * * * *",
    handler: async () => {
      await db.execute(sql`delete from rate_limits where expire is not null and expire < ${Date.now() - 3600_000}`);
    },
  },
];
