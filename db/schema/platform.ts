import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  date,
} from "drizzle-orm/pg-core";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const ROLES = ["frontdesk", "backoffice", "desk", "complaints", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];
const roleCheck = (col: string) => sql.raw(`${col} in ('${ROLES.join("','")}')`);

/** Agents and staff. One role each; desk staff carry the desks they work at. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").$type<Role>().notNull(),
    deskCodes: text("desk_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Phone extension / number, to match CTI events to the agent (spec 03). */
    extension: text("extension"),
    locale: text("locale").notNull().default("nl"),
    active: boolean("active").notNull().default(true),
    createdAt: tstz("created_at").notNull().defaultNow(),
    deactivatedAt: tstz("deactivated_at"),
    /**
     * Carried in every session token and compared on each request (lib/auth/actor.ts): sign-out, a password
     * change or deactivation bump it, which ends every session of the user at once (JWT sessions have no
     * server-side row to delete).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Set for a password someone else chose (admin:create's one-time password, an admin reset). */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_extension_key").on(t.extension),
    check("users_role_check", roleCheck("role")),
    check("users_locale_check", sql`${t.locale} in ('nl','en')`),
  ],
);

/** Keys for other systems (`Authorization: Bearer <key>`); only a SHA-256 of the key is stored. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), check("api_keys_role_check", roleCheck("role"))],
);

/**
 * The event/audit log: every change to a case is written here in the same transaction (who, when, what),
 * and so is an agent reading a person's data.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: tstz("at").notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("events_at_idx").on(t.at),
    // The access log by person: reads whose answer showed this customer's data (lib/privacy/audit.ts), for the
    // subject-access export.
    index("events_read_customers_idx")
      .using("gin", sql`(${t.data} -> 'customers')`)
      .where(sql`${t.action} = 'read'`),
  ],
);

/** rate-limiter-flexible's Postgres store (its own table layout, created by our migration). */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

/**
 * Proof-of-work challenges already redeemed (lib/platform/bot-guard.ts): each solution passes once. Kept
 * until the challenge expires (then it could not be redeemed anyway) and deleted after.
 */
export const usedChallenges = pgTable(
  "used_challenges",
  {
    signature: text("signature").primaryKey(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [index("used_challenges_expires_idx").on(t.expiresAt)],
);

/** Settings editable at run time (targets, CTI token, SLA hours…), one JSON value per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** A person the KIC is in contact with, shared by tickets, calls, appointments and complaints. */
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    vNumber: text("v_number"),
    language: text("language").notNull().default("nl"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    /** Set when the person's details were removed (retention or an erasure request, lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    uniqueIndex("customers_email_key")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index("customers_phone_idx").on(t.phone),
    index("customers_v_number_idx").on(t.vNumber),
    check("customers_language_check", sql`${t.language} in ('nl','en')`),
  ],
);

// ---- Reference data shared by the capabilities --------------------------------------------------------

/**
 * A desk (loket). NL desks run on Europe/Amsterdam, the Caribbean Netherlands on America/Kralendijk.
 * `holiday_calendar` is the desk's office calendar: NL, or the island it is on (BON, EUX, SAB), each with
 * its own public holidays (lib/calendar/holidays.ts).
 */
export const desks = pgTable(
  "desks",
  {
    code: text("code").primaryKey(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    address: text("address").notNull().default(""),
    timeZone: text("time_zone").notNull(),
    holidayCalendar: text("holiday_calendar").notNull(),
    slotMinutes: integer("slot_minutes").notNull().default(15),
    placesPerSlot: integer("places_per_slot").notNull().default(4),
    horizonDays: integer("horizon_days").notNull().default(90),
    minNoticeDays: integer("min_notice_days").notNull().default(1),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    check("desks_calendar_check", sql`${t.holidayCalendar} in ('NL','BON','EUX','SAB')`),
    check("desks_slot_minutes_check", sql`${t.slotMinutes} between 5 and 240`),
    check("desks_places_check", sql`${t.placesPerSlot} between 0 and 100`),
    check("desks_horizon_check", sql`${t.horizonDays} between 1 and 730`),
    check("desks_notice_check", sql`${t.minNoticeDays} between 0 and 60`),
  ],
);

export const products = pgTable(
  "products",
  {
    key: text("key").primaryKey(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    minutesPerPerson: integer("minutes_per_person").notNull(),
  },
  (t) => [check("products_minutes_check", sql`${t.minutesPerPerson} between 1 and 240`)],
);

export const deskProducts = pgTable(
  "desk_products",
  {
    deskCode: text("desk_code")
      .notNull()
      .references(() => desks.code, { onDelete: "cascade" }),
    productKey: text("product_key")
      .notNull()
      .references(() => products.key, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.deskCode, t.productKey] })],
);

/**
 * Office closures of a whole calendar, added by an admin: a day the KIC and all Dutch desks are closed
 * (calendar NL), or all desks of an island (BON, EUX, SAB — e.g. Saba's Carnival Monday, whose date the
 * island sets each year). They change opening hours, bookable slots and SLA clocks, never a statutory
 * deadline: those follow the Algemene termijnenwet (atw_decree_days below). A single desk's closures are
 * desk_closures (appointments). The computed holidays themselves are in lib/calendar/holidays.ts.
 */
export const officeClosedDays = pgTable(
  "office_closed_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    calendar: text("calendar").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("office_closed_days_calendar_day_key").on(t.calendar, t.day),
    check("office_closed_days_calendar_check", sql`${t.calendar} in ('NL','BON','EUX','SAB')`),
  ],
);

/**
 * Days made equal to a generally recognised holiday by a later royal decree (Algemene termijnenwet art.
 * 3(3)), added by an admin with the decree's citation. The decrees published so far ship with the app
 * (lib/calendar/atw-decrees.ts). They count for statutory deadlines only, for every desk; they do not close
 * an office (add an office closed day for that).
 */
export const atwDecreeDays = pgTable(
  "atw_decree_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    day: date("day", { mode: "string" }).notNull(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    /** The decree: its title and its Staatscourant/Staatsblad reference. */
    decree: text("decree").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("atw_decree_days_day_key").on(t.day),
    check("atw_decree_days_decree_check", sql`length(${t.decree}) between 5 and 500`),
  ],
);

// ---- Outbound email: the outbox every capability writes to -------------------------------------------

export type OutboxAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * Every email leaves through this table: written in the same transaction as the change that causes it,
 * delivered by the worker with back-off retries. Status: queued → sent, or failed after the last retry.
 */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    fromAddress: text("from_address"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    messageId: text("message_id").notNull(),
    inReplyTo: text("in_reply_to"),
    references: text("references"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    language: text("language").notNull().default("nl"),
    /** What caused it, e.g. `appointment`, `ticket`, `complaint`, with its id. */
    contextType: text("context_type").notNull(),
    contextId: text("context_id"),
    /** A short name of the template, e.g. `appointment.confirmation`, for tests and the admin outbox page. */
    kind: text("kind").notNull(),
    status: text("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: tstz("sent_at"),
    /**
     * The lease of the worker sending it (lib/mail/deliver.ts): a fresh token per claim, checked when the
     * result is written, so a worker whose lease ran out cannot overwrite what the next one did; while the
     * lease runs nobody else claims the message, an admin retry included.
     */
    claimToken: uuid("claim_token"),
    leaseUntil: tstz("lease_until"),
    /** Set when retention or an erasure request emptied the address, subject and bodies (lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    uniqueIndex("outbound_emails_message_id_key").on(t.messageId),
    index("outbound_emails_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
    index("outbound_emails_context_idx").on(t.contextType, t.contextId),
    check("outbound_emails_status_check", sql`${t.status} in ('queued','sent','failed')`),
    check("outbound_emails_lease_check", sql`(${t.claimToken} is null) = (${t.leaseUntil} is null)`),
  ],
);
