import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers, users } from "./platform";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const CALL_QUEUES = ["frontdesk", "backoffice", "partners"] as const;
export const CALL_RESULTS = ["answered", "abandoned", "timeout", "busy", "no_answer", "failed", "transferred"] as const;
export const CALL_SOURCES = ["cti", "queue_log", "manual"] as const;

/**
 * One row per call, whichever source it came from (spec 03): the CTI webhook (live), the Asterisk
 * queue_log import, or the agent's own log. `externalId` is the CTI callId or the queue_log
 * `uniqueid` (+ queue), unique per source so that repeats and re-imports change nothing.
 *
 * The dashboards (spec 05) read offered/answered/abandoned from here, through rollups kept exact by
 * triggers on this table (db/migrations/0013): the columns queue, direction, offered_at, answered_at, ended_at,
 * wait_seconds, talk_seconds and result are their contract.
 */
export const calls = pgTable(
  "calls",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    externalId: text("external_id"),
    queue: text("queue"),
    direction: text("direction").notNull().default("in"),
    fromNumber: text("from_number"),
    toNumber: text("to_number"),
    agentId: uuid("agent_id").references(() => users.id),
    /** The agent as the telephone system names them (queue_log agent channel, CTI user) when not matched. */
    agentLabel: text("agent_label"),
    /** When the call entered the queue (inbound) or was placed (outbound). */
    offeredAt: tstz("offered_at").notNull(),
    answeredAt: tstz("answered_at"),
    endedAt: tstz("ended_at"),
    waitSeconds: integer("wait_seconds"),
    talkSeconds: integer("talk_seconds"),
    /** Null while the call is ringing or in progress. */
    result: text("result"),
    hangupCause: text("hangup_cause"),
    // What the agent adds
    customerId: uuid("customer_id").references(() => customers.id),
    topic: text("topic").references(() => callTopics.key),
    notes: text("notes"),
    callbackWanted: boolean("callback_wanted").notNull().default(false),
    callbackOutcome: text("callback_outcome"),
    ticketId: integer("ticket_id"),
    appointmentId: uuid("appointment_id"),
    complaintId: uuid("complaint_id"),
    /** CTI: the extensions/users whose phones ring (Zammad's `user`), for the screen pop before an answer. */
    ringingUsers: text("ringing_users")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** For a call-back: the missed call it answers. */
    callbackOfId: bigint("callback_of_id", { mode: "number" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    /** Set when retention or an erasure request removed numbers, notes and the customer link (lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    uniqueIndex("calls_source_external_id_key").on(t.source, t.externalId),
    index("calls_offered_at_idx").on(t.offeredAt),
    index("calls_queue_offered_at_idx").on(t.queue, t.offeredAt),
    index("calls_agent_offered_at_idx").on(t.agentId, t.offeredAt),
    index("calls_customer_idx").on(t.customerId),
    index("calls_from_number_idx").on(t.fromNumber),
    check("calls_source_check", sql.raw(`source in ('cti','queue_log','manual')`)),
    check("calls_queue_check", sql.raw(`queue is null or queue in ('frontdesk','backoffice','partners')`)),
    check("calls_direction_check", sql.raw(`direction in ('in','out')`)),
    check(
      "calls_result_check",
      sql.raw(`result is null or result in ('answered','abandoned','timeout','busy','no_answer','failed','transferred')`),
    ),
    check("calls_wait_check", sql.raw(`wait_seconds is null or wait_seconds >= 0`)),
    check("calls_talk_check", sql.raw(`talk_seconds is null or talk_seconds >= 0`)),
    check(
      "calls_callback_outcome_check",
      sql.raw(`callback_outcome is null or callback_outcome in ('reached','no_answer','voicemail','wrong_number')`),
    ),
    // The missed-calls list: recent unanswered inbound calls not yet called back.
    index("calls_missed_idx")
      .on(t.offeredAt)
      .where(sql.raw(`result in ('abandoned','timeout','no_answer','busy') and callback_outcome is null`)),
    // The daily retention job finds the calls still to anonymise without walking years of done ones.
    index("calls_not_anonymised_idx").on(t.offeredAt).where(sql.raw(`anonymised_at is null`)),
    // The screen pop: open CTI calls.
    index("calls_open_cti_idx").on(t.offeredAt).where(sql.raw(`source = 'cti' and ended_at is null`)),
  ],
);

export const QUEUE_MATCH_KINDS = ["number", "queue_name"] as const;

/**
 * Admin-configurable mapping from what the telephone system says (the dialled number, or its queue name in
 * CTI events and queue_log lines) to one of our queues. Numbers are stored normalised (digits only).
 */
export const callQueueMappings = pgTable(
  "call_queue_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    pattern: text("pattern").notNull(),
    queue: text("queue").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("call_queue_mappings_kind_pattern_key").on(t.kind, t.pattern),
    check("call_queue_mappings_kind_check", sql.raw(`kind in ('number','queue_name')`)),
    check("call_queue_mappings_queue_check", sql.raw(`queue in ('frontdesk','backoffice','partners')`)),
    check("call_queue_mappings_pattern_check", sql.raw(`length(pattern) between 1 and 100`)),
  ],
);

/** The configurable topic list of the call log (spec 03). Inactive topics stay valid on old calls. */
export const callTopics = pgTable(
  "call_topics",
  {
    key: text("key").primaryKey(),
    labelNl: text("label_nl").notNull(),
    labelEn: text("label_en").notNull(),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  () => [check("call_topics_key_check", sql.raw(`key ~ '^[a-z0-9_]{1,40}$'`))],
);

/** Every CTI event as received, for audit and replay; the call row is the merge of these. */
export const ctiEvents = pgTable(
  "cti_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    callExternalId: text("call_external_id").notNull(),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    callId: bigint("call_id", { mode: "number" }),
  },
  (t) => [index("cti_events_call_idx").on(t.callExternalId, t.receivedAt)],
);

/** One queue_log import: who, when, and what it did. */
export const callImports = pgTable("call_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  format: text("format").notNull(),
  startedAt: tstz("started_at").notNull().defaultNow(),
  finishedAt: tstz("finished_at"),
  importedBy: uuid("imported_by"),
  linesRead: integer("lines_read").notNull().default(0),
  callsCreated: integer("calls_created").notNull().default(0),
  callsUpdated: integer("calls_updated").notNull().default(0),
  linesRejected: integer("lines_rejected").notNull().default(0),
});
