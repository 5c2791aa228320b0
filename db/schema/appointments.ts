import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers, desks, products, users } from "./platform";

// Tables of the appointments capability (lib/appointments/, spec 01).
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "checked_in", "completed", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const SLOT_ALERT_STATUSES = ["pending", "confirmed", "notified", "unsubscribed", "expired"] as const;
export type SlotAlertStatus = (typeof SLOT_ALERT_STATUSES)[number];

/**
 * Weekly opening hours of a desk: one or more periods per weekday (0 = Sunday … 6 = Saturday) in the desk's
 * local time, each with its places per slot (counters open). No row for a weekday = closed that day.
 */
export const deskOpeningHours = pgTable(
  "desk_opening_hours",
  {
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code, { onDelete: "cascade" }),
    weekday: integer("weekday").notNull(),
    opens: text("opens").notNull(),
    closes: text("closes").notNull(),
    places: integer("places").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deskCode, t.weekday, t.opens] }),
    check("desk_opening_hours_weekday_check", sql`${t.weekday} between 0 and 6`),
    check(
      "desk_opening_hours_time_check",
      sql`${t.opens} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.closes} ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$' and ${t.opens} < ${t.closes}`,
    ),
    check("desk_opening_hours_places_check", sql`${t.places} between 0 and 100`),
  ],
);

/** A desk closed for a range of local dates (both ends included), with the reason shown to applicants. */
export const deskClosures = pgTable(
  "desk_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("desk_closures_desk_idx").on(t.deskCode, t.fromDate),
    check("desk_closures_range_check", sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * The capacity row of a slot, created on first hold/booking (upsert). Its id is the slot id the API shows
 * (`AM-2027-03-01T09:00`: desk, local date and time). `taken` counts booked persons plus live holds; the
 * CHECK and the conditional update `taken + n <= places` make overbooking impossible under any concurrency.
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: text("id").primaryKey(),
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    places: integer("places").notNull(),
    taken: integer("taken").notNull().default(0),
  },
  (t) => [
    index("appointment_slots_desk_date_idx").on(t.deskCode, t.localDate),
    check("appointment_slots_taken_check", sql`${t.taken} >= 0 and ${t.taken} <= ${t.places}`),
    check("appointment_slots_time_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * N places of a slot held for a few minutes (APPOINTMENTS_HOLD_MINUTES) while the applicant fills in the form.
 * `client_key` is a keyed hash of the client address of an anonymous hold (null for agents): at most
 * APPOINTMENTS_MAX_ACTIVE_HOLDS live holds per client (lib/appointments/caps.ts).
 */
export const appointmentHolds = pgTable(
  "appointment_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slotId: text("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    persons: integer("persons").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    clientKey: text("client_key"),
  },
  (t) => [
    index("appointment_holds_slot_idx").on(t.slotId, t.expiresAt),
    index("appointment_holds_client_idx")
      .on(t.clientKey, t.expiresAt)
      .where(sql`${t.clientKey} is not null`),
    check("appointment_holds_persons_check", sql`${t.persons} between 1 and 6`),
  ],
);

export type AppointmentPerson = { name: string; vNumber?: string | null };

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    slotId: text("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code),
    productKey: text("product_key")
      .notNull()
      .references(() => products.key),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    persons: integer("persons").notNull(),
    personList: jsonb("person_list").$type<AppointmentPerson[]>().notNull(),
    email: text("email"),
    phone: text("phone"),
    language: text("language").notNull().default("nl"),
    status: text("status").$type<AppointmentStatus>().notNull().default("booked"),
    /** SHA-256 (hex) of the manage token; the token itself is only in the confirmation email. */
    tokenHash: text("token_hash").notNull(),
    customerId: uuid("customer_id").references(() => customers.id),
    bookedBy: uuid("booked_by").references(() => users.id),
    callId: text("call_id"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    cancelledAt: tstz("cancelled_at"),
    checkedInAt: tstz("checked_in_at"),
    completedAt: tstz("completed_at"),
    reminderSentAt: tstz("reminder_sent_at"),
    closureNotifiedAt: tstz("closure_notified_at"),
    /** Set when retention or an erasure request removed names and contact details (lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
    /**
     * The applicant's identities as the booking caps count them (lib/appointments/caps.ts): the email without
     * case or `+tag`, the phone as international digits, the V-numbers of the persons.
     */
    capEmail: text("cap_email"),
    capPhone: text("cap_phone"),
    capVNumbers: text("cap_v_numbers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("appointments_reference_key").on(t.reference),
    index("appointments_desk_date_idx").on(t.deskCode, t.localDate),
    index("appointments_slot_idx").on(t.slotId),
    index("appointments_customer_idx").on(t.customerId),
    index("appointments_email_idx").on(sql`lower(${t.email})`),
    index("appointments_cap_email_idx")
      .on(t.productKey, t.capEmail, t.startsAt)
      .where(sql`${t.status} = 'booked' and ${t.capEmail} is not null`),
    index("appointments_cap_phone_idx")
      .on(t.productKey, t.capPhone, t.startsAt)
      .where(sql`${t.status} = 'booked' and ${t.capPhone} is not null`),
    // fastupdate off: every booking searches this index, and a search reads GIN's whole pending list.
    index("appointments_cap_v_numbers_idx")
      .using("gin", t.capVNumbers)
      .with({ fastupdate: false })
      .where(sql`${t.status} = 'booked' and ${t.capVNumbers} <> '{}'`),
    index("appointments_reminder_idx")
      .on(t.startsAt)
      .where(sql`${t.status} = 'booked' and ${t.reminderSentAt} is null`),
    check("appointments_persons_check", sql`${t.persons} between 1 and 6 and jsonb_array_length(${t.personList}) = ${t.persons}`),
    check("appointments_contact_check", sql`${t.email} is not null or ${t.phone} is not null or ${t.anonymisedAt} is not null`),
    check("appointments_language_check", sql`${t.language} in ('nl','en')`),
    check("appointments_status_check", sql.raw(`status in ('${APPOINTMENT_STATUSES.join("','")}')`)),
  ],
);

/**
 * Places that opened up (a cancellation, a reschedule away, new capacity): the slot-alert job reads the
 * unprocessed ones and mails the confirmed alerts that match. Written in the transaction that frees them.
 */
export const appointmentOpenings = pgTable(
  "appointment_openings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code),
    slotId: text("slot_id"),
    localDate: date("local_date", { mode: "string" }).notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    processedAt: tstz("processed_at"),
  },
  (t) => [
    index("appointment_openings_todo_idx")
      .on(t.id)
      .where(sql`${t.processedAt} is null`),
  ],
);

/** "Tell me when an earlier slot opens": double opt-in, one email, ends when used/unsubscribed/past its date. */
export const slotAlerts = pgTable(
  "slot_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    productKey: text("product_key")
      .notNull()
      .references(() => products.key),
    persons: integer("persons").notNull(),
    /** Empty = any desk that offers the product. */
    deskCodes: text("desk_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    before: date("before", { mode: "string" }).notNull(),
    language: text("language").notNull().default("nl"),
    status: text("status").$type<SlotAlertStatus>().notNull().default("pending"),
    confirmTokenHash: text("confirm_token_hash").notNull(),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    confirmedAt: tstz("confirmed_at"),
    notifiedAt: tstz("notified_at"),
    endedAt: tstz("ended_at"),
  },
  (t) => [
    uniqueIndex("slot_alerts_confirm_key").on(t.confirmTokenHash),
    uniqueIndex("slot_alerts_unsubscribe_key").on(t.unsubscribeTokenHash),
    index("slot_alerts_live_idx")
      .on(t.productKey, t.before)
      .where(sql`${t.status} = 'confirmed'`),
    check("slot_alerts_persons_check", sql`${t.persons} between 1 and 6`),
    check("slot_alerts_language_check", sql`${t.language} in ('nl','en')`),
    check("slot_alerts_status_check", sql.raw(`status in ('${SLOT_ALERT_STATUSES.join("','")}')`)),
  ],
);
