import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
 * triggers on this table (db/sql/): the columns queue, direction, offered_at, answered_at, ended_at,
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
    topic: text("topic"),
    notes: text("notes"),
    callbackWanted: boolean("callback_wanted").notNull().default(false),
    callbackOutcome: text("callback_outcome"),
    ticketId: integer("ticket_id"),
    appointmentId: uuid("appointment_id"),
    complaintId: uuid("complaint_id"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
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
  ],
);
