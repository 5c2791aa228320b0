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
    deskCodes: text("desk_codes").array().notNull().default(sql`'{}'::text[]`),
    /** Phone extension / number, to match CTI events to the agent (spec 03). */
    extension: text("extension"),
    locale: text("locale").notNull().default("nl"),
    active: boolean("active").notNull().default(true),
    createdAt: tstz("created_at").notNull().defaultNow(),
    deactivatedAt: tstz("deactivated_at"),
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
  (t) => [index("events_entity_idx").on(t.entityType, t.entityId, t.at), index("events_at_idx").on(t.at)],
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
  },
  (t) => [
    uniqueIndex("customers_email_key").on(sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    index("customers_phone_idx").on(t.phone),
    index("customers_v_number_idx").on(t.vNumber),
    check("customers_language_check", sql`${t.language} in ('nl','en')`),
  ],
);

// ---- Reference data shared by the capabilities --------------------------------------------------------

/** A desk (loket). NL desks run on Europe/Amsterdam, the Caribbean Netherlands on America/Kralendijk. */
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
    check("desks_calendar_check", sql`${t.holidayCalendar} in ('NL','BES')`),
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
 * Extra days off added by an admin: a day the government declares equal to a holiday (Atw art. 3(2)), or a
 * one-off closure of all desks of a calendar. The statutory holidays themselves are computed
 * (lib/calendar/holidays.ts), so they exist for every year without data entry.
 */
export const extraHolidays = pgTable(
  "extra_holidays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    calendar: text("calendar").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("extra_holidays_calendar_day_key").on(t.calendar, t.day),
    check("extra_holidays_calendar_check", sql`${t.calendar} in ('NL','BES')`),
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
  },
  (t) => [
    uniqueIndex("outbound_emails_message_id_key").on(t.messageId),
    index("outbound_emails_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index("outbound_emails_context_idx").on(t.contextType, t.contextId),
    check("outbound_emails_status_check", sql`${t.status} in ('queued','sent','failed')`),
  ],
);
