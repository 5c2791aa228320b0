import { z } from "zod";
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_QUEUES, TICKET_STATUSES, WORK_QUEUES } from "@/db/schema/tickets";

const csvEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listQuerySchema = z.object({
  queue: csvEnum(TICKET_QUEUES).optional(),
  status: z.union([z.literal("all"), csvEnum(TICKET_STATUSES)]).optional(),
  assignee: z.union([z.literal("me"), z.literal("none"), z.string().uuid("not a user id")]).optional(),
  overdue: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["due", "updated", "created"]).optional().default("due"),
  limit: z.coerce.number().int().min(1).max(500).optional().default(100),
  offset: z.coerce.number().int().min(0).optional().default(0),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const replySchema = z.object({
  body: z.string().trim().min(1, "required").max(50_000),
  status: z.enum(TICKET_STATUSES).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

export const noteSchema = z.object({ body: z.string().trim().min(1, "required").max(50_000) });

export const patchSchema = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    // complaint mail neither leaves nor enters the complaints queue (lib/tickets/access.ts)
    queue: z.enum(WORK_QUEUES).optional(),
    assignee: z.string().uuid("not a user id").nullable().optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "expectedVersion"), { message: "nothing to change", path: ["body"] });

export const mergeSchema = z.object({ into: z.coerce.number().int().min(1, "a ticket number") });

export const presenceSchema = z.object({ typing: z.boolean().optional().default(false) });

export const createTicketSchema = z.object({
  subject: z.string().trim().min(1, "required").max(300),
  body: z.string().trim().min(1, "required").max(50_000),
  queue: z.enum(WORK_QUEUES).default("frontdesk"),
  channel: z.enum(TICKET_CHANNELS).default("phone"),
  customerId: z
    .string()
    .uuid("not a customer id")
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  customerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .email("not a valid email address")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  customerName: z.string().trim().max(200).optional(),
  callId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  language: z.enum(["nl", "en"]).optional(),
});
