import { z } from "zod";
import { isIsoDate } from "@/lib/calendar/dates";

/** The zod schemas of the appointments API, shared by the route handlers and the forms. */
export const isoDate = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");
const code = z
  .string()
  .trim()
  .min(1)
  .max(10)
  .regex(/^[A-Za-z]+$/, "expected a code of letters")
  .transform((s) => s.toUpperCase());
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const personsCount = z.coerce
  .number()
  .int("persons must be a whole number")
  .min(1, "at least 1 person")
  .max(6, "at most 6 persons per booking");

export const slotsQuery = z.object({
  desk: z.union([code, z.array(code)]).optional(),
  product: code,
  persons: personsCount.default(1),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const desksQuery = z.object({ product: code.optional() });

/** `replaces`: the client's previous hold, given back first (the applicant picked another time). */
export const holdBody = z.object({
  persons: personsCount,
  replaces: z.preprocess(blankToUndefined, z.uuid("not a valid hold id").optional()),
});

export const person = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  // The V-number (vreemdelingennummer) is ten digits.
  vNumber: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{10}$/, "a V-number has 10 digits")
      .optional(),
  ),
});

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, "not a valid phone number");

export const bookBody = z.object({
  slotId: z.string().trim().min(1).max(40),
  holdId: z.preprocess(blankToUndefined, z.uuid("not a valid hold id").optional()),
  product: code,
  persons: z.array(person).min(1, "at least 1 person").max(6, "at most 6 persons per booking"),
  email: z.string().trim().max(254).pipe(z.email("not a valid email address")),
  phone: z.preprocess(blankToUndefined, phone.optional()),
  language: z.enum(["nl", "en"]).default("nl"),
});
export type BookInput = z.infer<typeof bookBody>;

/** An agent booking for a caller: a phone number may replace the email address (spec 01, KIC agents). */
export const agentBookBody = bookBody
  .extend({
    email: z.preprocess(blankToUndefined, z.string().trim().max(254).pipe(z.email("not a valid email address")).optional()),
    callId: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  })
  .refine((b) => b.email || b.phone, { message: "an email address or a phone number is required", path: ["phone"] });
export type AgentBookInput = z.infer<typeof agentBookBody>;

export const rescheduleBody = z.object({
  slotId: z.string().trim().min(1).max(40),
  holdId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export const tokenQuery = z.object({ token: z.string().min(16, "the manage token is missing or too short").max(200) });

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

export const alertBody = z.object({
  email: z.string().trim().max(254).pipe(z.email("not a valid email address")),
  product: code,
  persons: personsCount,
  desks: z.union([z.literal("ALL"), z.array(code).min(1).max(10)]).default("ALL"),
  before: isoDate,
  language: z.enum(["nl", "en"]).default("nl"),
});

export const searchQuery = z.object({ q: z.string().trim().min(2, "type at least 2 characters").max(200) });
