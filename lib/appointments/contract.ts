import { z } from "zod";
import { coded } from "@/lib/api/error-codes";
import { defineEndpoint } from "@/lib/api/endpoint";
import { isIsoDate } from "@/lib/calendar/dates";

/**
 * The public appointment API (spec 01), declared once: inputs and outputs of every endpoint the booking
 * flow uses. Client-safe (zod only): the routes (app/api/v1/…) parse with these through `endpointRoute`, the
 * components call them through `useEndpointQuery`/`useEndpointMutation` and use the inferred types below —
 * no hand-copied response types. Field checks carry codes (`coded`) that the UI translates (`errors`).
 */

// ---- Input pieces ----------------------------------------------------------------------------------------

export const isoDate = z.string().refine(isIsoDate, coded("date_format", "expected a date YYYY-MM-DD"));
const code = z
  .string()
  .trim()
  .min(1)
  .max(10)
  .refine((s) => /^[A-Za-z]+$/.test(s), coded("code_format", "expected a code of letters"))
  .transform((s) => s.toUpperCase());
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const language = z.enum(["nl", "en"]);

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
      .refine((s) => /^\d{10}$/.test(s), coded("v_number_format", "a V-number has 10 digits"))
      .optional(),
  ),
});

const phone = z
  .string()
  .trim()
  .refine((s) => /^\+?[0-9 ()-]{6,20}$/.test(s), coded("phone_format", "not a valid phone number"));
const email = z.string().trim().min(1, "an email address is required").max(254).pipe(z.email("not a valid email address"));

export const bookBody = z.object({
  slotId: z.string().trim().min(1).max(40),
  holdId: z.preprocess(blankToUndefined, z.uuid("not a valid hold id").optional()),
  product: code,
  persons: z.array(person).min(1, "at least 1 person").max(6, "at most 6 persons per booking"),
  email,
  phone: z.preprocess(blankToUndefined, phone.optional()),
  language: language.default("nl"),
});
export type BookInput = z.infer<typeof bookBody>;

/** An agent booking for a caller: a phone number may replace the email address (spec 01, KIC agents). */
export const agentBookBody = bookBody
  .extend({
    email: z.preprocess(blankToUndefined, email.optional()),
    callId: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  })
  .refine((b) => b.email || b.phone, {
    ...coded("contact_required", "an email address or a phone number is required"),
    path: ["phone"],
  });
export type AgentBookInput = z.infer<typeof agentBookBody>;

export const rescheduleBody = z.object({
  slotId: z.string().trim().min(1).max(40),
  holdId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
const token = z.string().min(16, "the manage token is missing or too short").max(200);
export const tokenQuery = z.object({ token });
/** The manage endpoints: the applicant's `?token=` from the email, or none for a signed-in agent. */
export const manageQuery = z.object({ token: token.optional() });

export const alertBody = z.object({
  email,
  product: code,
  persons: personsCount,
  desks: z.union([z.literal("ALL"), z.array(code).min(1).max(10)]).default("ALL"),
  before: isoDate,
  language: language.default("nl"),
});

export const searchQuery = z.object({ q: z.string().trim().min(2, "type at least 2 characters").max(200) });

// ---- Outputs ----------------------------------------------------------------------------------------------

const names = z.object({ nl: z.string(), en: z.string() });

export const productView = z.object({ key: z.string(), name: names, minutesPerPerson: z.number() });
export const deskView = z.object({
  code: z.string(),
  name: z.string(),
  names,
  address: z.string(),
  timeZone: z.string(),
  products: z.array(z.string()),
});
/** A slot: `date`/`startTime`/`endTime` in the desk's local time, `start`/`end` ISO 8601 with offset. */
export const slotView = z.object({
  id: z.string(),
  desk: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  start: z.string(),
  end: z.string(),
  available: z.number(),
});
export const holdView = z.object({ holdId: z.string(), slotId: z.string(), persons: z.number(), expiresAt: z.string() });
export const appointmentStatus = z.enum(["booked", "cancelled", "checked_in", "completed", "no_show"]);
export const appointmentView = z.object({
  reference: z.string(),
  status: appointmentStatus,
  desk: z.string(),
  deskName: names,
  address: z.string(),
  product: z.string(),
  productName: names,
  slotId: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  start: z.string(),
  end: z.string(),
  persons: z.array(z.object({ name: z.string(), vNumber: z.string().nullish() })),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language,
  /** Only to the applicant (the token's holder), never on an agent's screen. */
  manageUrl: z.string().optional(),
  icsUrl: z.string().optional(),
  /** Desk lists: whether the slot has ended, so a no-show may be recorded. */
  canNoShow: z.boolean().optional(),
});
export const slotAlertView = z.object({ id: z.string(), status: z.string() });

export type ProductView = z.infer<typeof productView>;
export type DeskView = z.infer<typeof deskView>;
export type SlotView = z.infer<typeof slotView>;
export type AppointmentView = z.infer<typeof appointmentView>;
export type AppointmentStatus = z.infer<typeof appointmentStatus>;
export type Language = z.infer<typeof language>;

// ---- Endpoints --------------------------------------------------------------------------------------------

export const productsEndpoint = defineEndpoint({
  key: "appointments.products",
  method: "GET",
  path: "/api/v1/products",
  output: z.array(productView),
});

export const desksEndpoint = defineEndpoint({
  key: "appointments.desks",
  method: "GET",
  path: "/api/v1/desks",
  query: desksQuery,
  output: z.array(deskView),
});

/** `desk` omitted, `ALL` or repeated: the earliest slots across those desks, sorted by start. */
export const slotsEndpoint = defineEndpoint({
  key: "appointments.slots",
  method: "GET",
  path: "/api/v1/slots",
  query: slotsQuery,
  output: z.array(slotView),
});

export const holdEndpoint = defineEndpoint({
  key: "appointments.hold",
  method: "POST",
  path: "/api/v1/slots/[id]/hold",
  params: { id: "slotId" },
  body: holdBody,
  output: holdView,
  status: 201,
});

/** The public form's body, or an agent's for a caller (`agentBookBody`: the route picks by the actor). */
export const bookEndpoint = defineEndpoint({
  key: "appointments.book",
  method: "POST",
  path: "/api/v1/appointments",
  body: z.union([bookBody, agentBookBody]),
  output: appointmentView,
  status: 201,
});

export const searchEndpoint = defineEndpoint({
  key: "appointments.search",
  method: "GET",
  path: "/api/v1/appointments",
  query: searchQuery,
  output: z.array(appointmentView),
});

export const appointmentEndpoint = defineEndpoint({
  key: "appointments.one",
  method: "GET",
  path: "/api/v1/appointments/[reference]",
  params: { reference: "appointmentReference" },
  query: manageQuery,
  output: appointmentView,
});

export const cancelEndpoint = defineEndpoint({
  key: "appointments.cancel",
  method: "DELETE",
  path: "/api/v1/appointments/[reference]",
  params: { reference: "appointmentReference" },
  query: manageQuery,
  output: appointmentView,
});

export const rescheduleEndpoint = defineEndpoint({
  key: "appointments.reschedule",
  method: "POST",
  path: "/api/v1/appointments/[reference]/reschedule",
  params: { reference: "appointmentReference" },
  query: manageQuery,
  body: rescheduleBody,
  output: appointmentView,
});

/** RFC 5545 calendar file (text/calendar). */
export const icsEndpoint = defineEndpoint({
  key: "appointments.ics",
  method: "GET",
  path: "/api/v1/appointments/[reference]/ics",
  params: { reference: "appointmentReference" },
  query: tokenQuery,
  output: "response",
});

/** "Tell me when an earlier slot opens" (double opt-in: a confirmation email first). */
export const slotAlertEndpoint = defineEndpoint({
  key: "appointments.slotAlert",
  method: "POST",
  path: "/api/v1/slot-alerts",
  body: alertBody,
  output: slotAlertView,
  status: 201,
});

/** The links in the alert emails: they do the work and redirect to /afspraak/melding. */
export const confirmAlertEndpoint = defineEndpoint({
  key: "appointments.slotAlertConfirm",
  method: "GET",
  path: "/api/v1/slot-alerts/confirm",
  query: tokenQuery,
  output: "response",
});
export const unsubscribeAlertEndpoint = defineEndpoint({
  key: "appointments.slotAlertUnsubscribe",
  method: "GET",
  path: "/api/v1/slot-alerts/unsubscribe",
  query: tokenQuery,
  output: "response",
});
