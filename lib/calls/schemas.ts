import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CALL_QUEUES, CALL_RESULTS } from "@/db/schema/calls";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+\d][\d\s\-()]*$/, "not a phone number");
const topicKey = z.string().regex(/^[a-z0-9_]{1,40}$/, "not a topic");

export const listCallsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  queue: z.enum(CALL_QUEUES).optional(),
  agent: z.union([z.literal("me"), z.uuid()]).optional(),
  result: z.enum([...CALL_RESULTS, "missed", "open"]).optional(),
  topic: topicKey.optional(),
  direction: z.enum(["in", "out"]).optional(),
  customer: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListCallsQuery = z.infer<typeof listCallsQuery>;

export const CALLBACK_OUTCOMES = ["reached", "no_answer", "voicemail", "wrong_number"] as const;

/** A call logged by hand: a call-back, or a call the telephone system did not report. */
export const logCallSchema = z
  .object({
    direction: z.enum(["in", "out"]).default("out"),
    queue: z.enum(CALL_QUEUES).optional(),
    fromNumber: phone.optional(),
    toNumber: phone.optional(),
    offeredAt: z.iso.datetime({ offset: true }).optional(),
    talkMinutes: z.coerce.number().int().min(0).max(600).optional(),
    result: z.enum(CALL_RESULTS).default("answered"),
    topic: topicKey.optional(),
    notes: z.string().max(5000).optional(),
    customerId: z.uuid().optional(),
    callbackWanted: z.boolean().optional(),
  })
  .refine((v) => (v.direction === "in" ? !!v.fromNumber : !!v.toNumber), {
    message: "the other party's number is required",
    path: ["number"],
  });
export type LogCallInput = z.infer<typeof logCallSchema>;

export const updateCallSchema = z
  .object({
    topic: topicKey.nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
    customerId: z.uuid().nullable().optional(),
    callbackWanted: z.boolean().optional(),
    ticketId: z.number().int().positive().nullable().optional(),
    appointmentId: z.uuid().nullable().optional(),
    complaintId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change", path: ["body"] });
export type UpdateCallInput = z.infer<typeof updateCallSchema>;

export const callBackSchema = z.object({
  outcome: z.enum(CALLBACK_OUTCOMES),
  notes: z.string().max(5000).optional(),
  topic: topicKey.optional(),
});

export const ticketFromCallSchema = z.object({
  subject: z.string().trim().min(1, "required").max(200),
  body: z.string().max(20000).default(""),
});

export const newCustomerSchema = z.object({
  name: z.string().trim().min(1, "required").max(200),
  email: z
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  vNumber: z.string().trim().max(20).optional(),
});

export const queueMappingsSchema = z.object({
  mappings: z
    .array(
      z.object({
        kind: z.enum(["number", "queue_name"]),
        pattern: z.string().trim().min(1, "required").max(100),
        queue: z.enum(CALL_QUEUES),
      }),
    )
    .max(500),
});

export const topicsSchema = z.object({
  topics: z
    .array(
      z.object({
        key: topicKey,
        labelNl: z.string().trim().min(1, "required").max(100),
        labelEn: z.string().trim().min(1, "required").max(100),
        active: z.boolean().default(true),
      }),
    )
    .min(1)
    .max(50),
});

/** A call id from the path; anything else is a 404, not a 500. */
export function callIdOf(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw new AppError(404, "not_found", "Call not found");
  return Number(id);
}
