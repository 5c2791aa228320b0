import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { JobDefinition } from "@/lib/jobs/types";

/** Background jobs of the tickets capability (registered by the composition root, lib/server.ts). */
export const jobs: JobDefinition[] = [
  {
    // Presence rows are heartbeats; old ones mean nothing. Ack counters older than an hour no longer count.
    name: "tickets-housekeeping",
    cron: "23 * * * *",
    handler: async () => {
      await db.execute(sql`delete from ticket_presence where seen_at < now() - interval '1 hour'`);
      await db.execute(sql`delete from ticket_acks where sent_at < now() - interval '2 hours'`);
    },
  },
];
