import { z } from "zod";
import { daysBetween, isIsoDate } from "@/lib/calendar/dates";
import { SERVICE_LEVEL_THRESHOLDS } from "./kpi";

export const QUEUES = ["frontdesk", "backoffice", "partners"] as const;
export type Queue = (typeof QUEUES)[number];

const isoDate = z.string({ error: "Use a date YYYY-MM-DD" }).refine(isIsoDate, "Use a valid date YYYY-MM-DD");

/** The longest period one request may ask for (ten years and a bit): bounds the work per request. */
export const MAX_RANGE_DAYS = 3700;

export const rangeQuery = z.object({ from: isoDate, to: isoDate }).superRefine((r, ctx) => {
  if (isIsoDate(r.from) && isIsoDate(r.to)) {
    if (r.from > r.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must not be after to" });
    else if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `The period may span at most ${MAX_RANGE_DAYS} days` });
  }
});

export const dailyQuery = z.object({ from: isoDate, to: isoDate, queue: z.enum(QUEUES).optional() }).superRefine((r, ctx) => {
  if (isIsoDate(r.from) && isIsoDate(r.to)) {
    if (r.from > r.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must not be after to" });
    else if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `The period may span at most ${MAX_RANGE_DAYS} days` });
  }
});

export const annualQuery = z.object({
  year: z.coerce.number({ error: "Use a year such as 2012" }).int().min(2000).max(2100),
  format: z.enum(["json", "csv"]).optional(),
  lang: z.enum(["nl", "en"]).optional(),
});

const pctTarget = z.coerce.number({ error: "Use a percentage" }).min(0).max(100);

/** Supervisors' targets (spec 05), drawn on the charts. */
export const targetsSchema = z.object({
  reachabilityPct: pctTarget,
  serviceLevelPct: pctTarget,
  serviceLevelSeconds: z.coerce
    .number()
    .refine(
      (n) => (SERVICE_LEVEL_THRESHOLDS as readonly number[]).includes(n),
      `Choose one of ${SERVICE_LEVEL_THRESHOLDS.join(", ")} seconds`,
    ),
  complaintOnTimePct: pctTarget,
  emailWithinSlaPct: pctTarget,
});
export type Targets = z.infer<typeof targetsSchema>;

export const DEFAULT_TARGETS: Targets = {
  reachabilityPct: 85,
  serviceLevelPct: 80,
  serviceLevelSeconds: 20,
  complaintOnTimePct: 90, // the annual report's streefwaarde
  emailWithinSlaPct: 90,
};
