import { z } from "zod";
import { isoDate } from "./contract";

/**
 * The appointments API's schemas: the public flow's live in the contract (./contract.ts, client-safe, with
 * their endpoints); the desk staff's below (step 2 moves them into the contract with their endpoints).
 */
export {
  agentBookBody,
  alertBody,
  bookBody,
  desksQuery,
  holdBody,
  isoDate,
  person,
  personsCount,
  rescheduleBody,
  searchQuery,
  slotsQuery,
  tokenQuery,
  type AgentBookInput,
  type BookInput,
} from "./contract";

export const statusBody = z.object({ status: z.enum(["checked_in", "completed", "no_show"]) });

export const hoursBody = z.object({
  slotMinutes: z.coerce.number().int().min(5).max(240),
  horizonDays: z.coerce.number().int().min(1).max(730),
  minNoticeDays: z.coerce.number().int().min(0).max(60),
  hours: z
    .array(
      z.object({
        weekday: z.coerce.number().int().min(0).max(6),
        opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM"),
        closes: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "expected HH:MM"),
        places: z.coerce.number().int().min(0).max(100),
      }),
    )
    .max(50)
    .refine((hs) => hs.every((h) => h.opens < h.closes), "a period must close after it opens"),
});

export const closureBody = z
  .object({ fromDate: isoDate, toDate: isoDate, reason: z.string().trim().min(1, "a reason is required").max(300) })
  .refine((c) => c.toDate >= c.fromDate, { message: "the end is before the start", path: ["toDate"] });
