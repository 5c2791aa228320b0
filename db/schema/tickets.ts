import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { customers, users } from "./platform";

/** What one trusted Authentication-Results header said, per method (RFC 8601): `pass`, `fail`, `none`, … */
export type AuthResults = {
  authservId: string;
  spf?: string;
  dkim?: string;
  dmarc?: string;
  dkimDomain?: string;
  spfDomain?: string;
  fromDomain?: string;
};

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The queues agents work, and `complaints`: mail to a complaints mailbox (MAILBOXES `…=complaints`) is kept
 * there, readable only by the roles that handle complaints (lib/tickets/access.ts), never by frontdesk or
 * backoffice. A ticket never moves into or out of it (a trigger, custom migration db/migrations/0013).
 */
export const WORK_QUEUES = ["frontdesk", "backoffice", "partners"] as const;
export const TICKET_QUEUES = [...WORK_QUEUES, "complaints"] as const;
export const TICKET_STATUSES = ["new", "open", "pending", "solved", "closed"] as const;
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const TICKET_CHANNELS = ["email", "phone", "web"] as const;
export type TicketQueue = (typeof TICKET_QUEUES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in ('${values.join("','")}')`);

/**
 * An email (or phone/web) ticket, shown as KIC-<number>. `version` goes up on every change an agent should
 * know about (a new message, status, assignee, queue), so that a reply written against an older version is
 * refused with 409 stale_ticket instead of silently crossing (spec 02, "Collision").
 * SLA: due times are instants computed in business hours; while `pending` the clock stops — `paused_at`
 * holds when it stopped, and leaving `pending` pushes both due times on by the working time passed.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: serial("number").notNull(),
    subject: text("subject").notNull(),
    queue: text("queue").$type<TicketQueue>().notNull().default("frontdesk"),
    status: text("status").$type<TicketStatus>().notNull().default("new"),
    priority: text("priority").notNull().default("normal"),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assigneeId: uuid("assignee_id").references(() => users.id),
    customerId: uuid("customer_id").references(() => customers.id),
    channel: text("channel").notNull().default("email"),
    /** The mailbox address the mail came to; replies are sent from it. */
    mailbox: text("mailbox"),
    language: text("language").notNull().default("nl"),
    callId: bigint("call_id", { mode: "number" }),
    parseFailed: boolean("parse_failed").notNull().default(false),
    firstResponseDueAt: tstz("first_response_due_at"),
    resolutionDueAt: tstz("resolution_due_at"),
    firstRespondedAt: tstz("first_responded_at"),
    solvedAt: tstz("solved_at"),
    closedAt: tstz("closed_at"),
    pausedAt: tstz("paused_at"),
    /** A reply to a ticket solved/closed more than 30 days ago opens a new ticket linked to the old one. */
    linkedTicketId: uuid("linked_ticket_id").references((): AnyPgColumn => tickets.id),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => tickets.id),
    version: integer("version").notNull().default(1),
    lastMessageAt: tstz("last_message_at").notNull().defaultNow(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    /** Set when retention or an erasure request removed the personal data of the ticket (lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    uniqueIndex("tickets_number_key").on(t.number),
    index("tickets_inbox_idx").on(t.status, t.queue, t.firstResponseDueAt),
    index("tickets_assignee_idx")
      .on(t.assigneeId)
      .where(sql`${t.status} in ('new','open','pending')`),
    index("tickets_customer_idx").on(t.customerId, t.createdAt),
    index("tickets_created_idx").on(t.createdAt),
    check("tickets_queue_check", inList("queue", TICKET_QUEUES)),
    check("tickets_status_check", inList("status", TICKET_STATUSES)),
    check("tickets_priority_check", inList("priority", TICKET_PRIORITIES)),
    check("tickets_channel_check", inList("channel", TICKET_CHANNELS)),
    check("tickets_language_check", sql`${t.language} in ('nl','en')`),
    check("tickets_not_merged_into_self", sql`${t.mergedIntoId} is null or ${t.mergedIntoId} <> ${t.id}`),
    check("tickets_version_check", sql`${t.version} >= 1`),
  ],
);

/**
 * One message of a ticket's thread: mail in, our reply out, or an internal note. Inbound mail keeps its raw
 * source (the 250 OK is given only after it is committed); a (Message-ID, sender) pair is stored once, so a
 * duplicate delivery adds nothing.
 */
export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    direction: text("direction").$type<"in" | "out" | "note">().notNull(),
    authorId: uuid("author_id").references(() => users.id),
    authorLabel: text("author_label"),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    toAddress: text("to_address"),
    subject: text("subject"),
    textBody: text("text_body").notNull().default(""),
    /** The HTML as received; sanitised every time it is shown (lib/tickets/sanitize.ts). */
    htmlRaw: text("html_raw"),
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    references: text("references"),
    rawSource: bytea("raw_source"),
    parseFailed: boolean("parse_failed").notNull().default(false),
    /** The ticket's version right after this message was added (for "what changed since you opened it"). */
    ticketVersion: integer("ticket_version").notNull().default(1),
    outboundEmailId: uuid("outbound_email_id"),
    /**
     * SPF/DKIM/DMARC as our front MTA recorded them in `Authentication-Results` (only its authserv-id,
     * SMTP_AUTHSERV_ID, is trusted; lib/tickets/auth-results.ts). Null when there was none to trust.
     */
    authResults: jsonb("auth_results").$type<AuthResults>(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ticket_messages_message_id_from_key")
      .on(t.messageId, sql`lower(${t.fromAddress})`)
      .where(sql`${t.messageId} is not null`),
    index("ticket_messages_ticket_idx").on(t.ticketId, t.createdAt),
    index("ticket_messages_message_id_idx").on(t.messageId),
    check("ticket_messages_direction_check", sql`${t.direction} in ('in','out','note')`),
    check("ticket_messages_raw_inbound_check", sql`${t.direction} = 'in' or ${t.rawSource} is null`),
  ],
);

export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => ticketMessages.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [index("ticket_attachments_message_idx").on(t.messageId), check("ticket_attachments_size_check", sql`${t.size} >= 0`)],
);

/** Saved replies (NL/EN) with `{{name}}` and `{{ticket}}` placeholders. */
export const savedReplies = pgTable(
  "saved_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    language: text("language").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("saved_replies_language_check", sql`${t.language} in ('nl','en')`),
    uniqueIndex("saved_replies_title_key").on(t.language, t.title),
  ],
);

/** Acknowledgements sent, to allow at most 3 per sender per hour (counted in SQL under a lock). */
export const ticketAcks = pgTable(
  "ticket_acks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sender: text("sender").notNull(),
    ticketId: uuid("ticket_id").references(() => tickets.id),
    sentAt: tstz("sent_at").notNull().defaultNow(),
  },
  (t) => [index("ticket_acks_sender_idx").on(t.sender, t.sentAt), check("ticket_acks_sender_lower", sql`${t.sender} = lower(${t.sender})`)],
);

/** Who has a ticket open (and is typing), refreshed by the ticket page's polling. */
export const ticketPresence = pgTable(
  "ticket_presence",
  {
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    typing: boolean("typing").notNull().default(false),
    seenAt: tstz("seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] })],
);
