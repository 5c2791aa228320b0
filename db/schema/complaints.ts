import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers, outboundEmails, users } from "./platform";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const day = (name: string) => date(name, { mode: "string" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const COMPLAINT_CHANNELS = ["web", "email", "letter", "phone", "desk"] as const;
export const COMPLAINT_STATUSES = ["triage", "open", "closed"] as const;
/** The outcomes of a decision (Awb 9:12). A withdrawn complaint has outcome `withdrawn`, set by the withdrawal. */
export const COMPLAINT_OUTCOMES = ["founded", "partly_founded", "unfounded", "no_judgement"] as const;
export const COMPLAINT_CLOSURES = ["decided", "declined", "informal", "withdrawn"] as const;
/** The IND's own complaint categories (its monthly publication), seeded with these keys; labels are editable. */
export const COMPLAINT_CATEGORY_KEYS = [
  "behandelduur",
  "dienstverlening",
  "bejegening",
  "nationale_ombudsman",
  "beleid",
  "it",
  "overig",
] as const;
/** Awb 9:10(2): the only grounds for not hearing the complainant. */
export const HEARING_SKIP_GROUNDS = ["manifestly_unfounded", "complainant_waived", "no_reply_in_time"] as const;
/** Who may be offered a hearing (Awb 9:10(1)): the complainant and the person the complaint is about. */
export const HEARING_PARTIES = ["complainant", "person_concerned"] as const;
/** Oral complaints (phone, desk): resolved at once (Awb 9:5) or recorded in writing and handled as written. */
export const ORAL_RULES = ["resolved_at_once", "written_procedure"] as const;
export type DeadlineStepRow =
  | { kind: "committee"; on: string }
  | { kind: "postponed"; until: string; noticeSentOn: string }
  | { kind: "consent"; until: string; consentOn: string };
export const COMPLAINT_SUBJECTS = [
  "processing_time",
  "treatment",
  "information",
  "decision_quality",
  "accessibility",
  "desk_visit",
  "other",
] as const;
export const LETTER_KINDS = [
  "acknowledgement",
  "postponement",
  "consent_postponement",
  "decline",
  "informal",
  "hearing",
  "decision",
  "withdrawal",
] as const;
export const REMINDER_KINDS = ["handler_2_weeks", "handler_3_working_days", "supervisors_overdue"] as const;
/** 10 MB per attachment, at most 5 per complaint (checked in the service, size also by the DB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The IND's complaint categories (behandelduur, dienstverlening, …) as it publishes them monthly. The seven
 * keys are seeded by the migration; admins rename labels. A category in use cannot be deleted (the
 * complaints' foreign key restricts it).
 */
export const complaintCategories = pgTable(
  "complaint_categories",
  {
    key: text("key").primaryKey(),
    labelNl: text("label_nl").notNull(),
    labelEn: text("label_en").notNull(),
    position: integer("position").notNull().default(0),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("complaint_categories_key_check", sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check("complaint_categories_label_check", sql`length(${t.labelNl}) between 1 and 80 and length(${t.labelEn}) between 1 and 80`),
  ],
);

/** Numbers behind the human reference `K-<year>-<00123>`. */
export const complaintNumberSeq = pgSequence("complaint_number_seq", { startWith: 1 });

/**
 * A complaint (klacht) under Awb chapter 9, from receipt to closure. `deadline` is the deadline in force,
 * recomputed by the service (lib/complaints/deadline.ts) whenever receipt, committee or postponements
 * change; the steps' dates are kept as columns so that the register (9:12a) and the dashboards can count
 * them with plain SQL.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    channel: text("channel").notNull(),
    receivedOn: day("received_on").notNull(),
    status: text("status").notNull().default("open"),
    // The complainant
    complainantName: text("complainant_name").notNull(),
    complainantEmail: text("complainant_email"),
    complainantAddress: text("complainant_address"),
    complainantPhone: text("complainant_phone"),
    vNumber: text("v_number"),
    customerId: uuid("customer_id").references(() => customers.id),
    language: text("language").notNull().default("nl"),
    // What it is about
    description: text("description").notNull(),
    happenedWhen: text("happened_when"),
    /** Who or which department it is about (Awb 9:7: they may not handle it). */
    personConcerned: text("person_concerned"),
    personConcernedId: uuid("person_concerned_id").references(() => users.id),
    subject: text("subject").notNull().default("other"),
    /** The IND category (complaint_categories), for the monthly publication. */
    category: text("category")
      .notNull()
      .default("overig")
      .references(() => complaintCategories.key, { onUpdate: "cascade", onDelete: "restrict" }),
    /** Oral complaints only (phone, desk): which rule applied — resolved at once (9:5) or the written procedure. */
    oralRule: text("oral_rule"),
    handlerId: uuid("handler_id").references(() => users.id),
    advisoryCommittee: boolean("advisory_committee").notNull().default(false),
    deadline: day("deadline").notNull(),
    // Steps
    acknowledgedOn: day("acknowledged_on"),
    postponedUntil: day("postponed_until"),
    postponementNoticeOn: day("postponement_notice_on"),
    /** Awb 9:11(2) further postponements, each with its consent date: [{until, consentOn}]. */
    consentPostponements: jsonb("consent_postponements").$type<{ until: string; consentOn: string }[]>().notNull().default([]),
    /**
     * The steps that changed the deadline (committee, postponement, consent), in the order they were taken;
     * the deadline in force is the last one's result (lib/complaints/deadline.ts). The columns above keep
     * the same facts for plain-SQL counting.
     */
    deadlineSteps: jsonb("deadline_steps").$type<DeadlineStepRow[]>().notNull().default([]),
    declineReason: text("decline_reason"),
    declinedOn: day("declined_on"),
    informalOn: day("informal_on"),
    informalNote: text("informal_note"),
    hearingOn: day("hearing_on"),
    hearingReport: text("hearing_report"),
    /** Free text: a note to the skip ground (or, in older files, the only reason recorded). */
    hearingSkippedBecause: text("hearing_skipped_because"),
    /** Awb 9:10(2): why the complainant was not heard (HEARING_SKIP_GROUNDS). */
    hearingSkipGround: text("hearing_skip_ground"),
    /** Awb 9:10(1): who was offered a hearing. */
    hearingOfferedTo: text("hearing_offered_to").array(),
    outcome: text("outcome"),
    decisionReasons: text("decision_reasons"),
    decidedOn: day("decided_on"),
    closedAs: text("closed_as"),
    /** Withdrawn by the complainant (outcome `withdrawn`); counted apart in every figure. */
    withdrawnOn: day("withdrawn_on"),
    withdrawalNote: text("withdrawal_note"),
    closedOn: day("closed_on"),
    /** The stored inbound mail it came from (tickets' message id; no FK: another capability's table). */
    inboundMessageId: text("inbound_message_id"),
    importedAt: tstz("imported_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    /** Set when retention or an erasure request removed the complainant's details and the texts (lib/privacy/). */
    anonymisedAt: tstz("anonymised_at"),
  },
  (t) => [
    uniqueIndex("complaints_reference_key").on(t.reference),
    uniqueIndex("complaints_inbound_message_key")
      .on(t.inboundMessageId)
      .where(sql`${t.inboundMessageId} is not null`),
    index("complaints_open_deadline_idx")
      .on(t.deadline)
      .where(sql`${t.status} <> 'closed'`),
    index("complaints_received_idx").on(t.receivedOn),
    index("complaints_closed_idx").on(t.closedOn),
    index("complaints_handler_idx").on(t.handlerId),
    index("complaints_customer_idx").on(t.customerId),
    index("complaints_category_idx").on(t.category),
    check("complaints_channel_check", sql.raw(`channel in ('web','email','letter','phone','desk')`)),
    check("complaints_status_check", sql.raw(`status in ('triage','open','closed')`)),
    check("complaints_language_check", sql.raw(`language in ('nl','en')`)),
    check("complaints_subject_check", sql.raw(`subject in ('${COMPLAINT_SUBJECTS.join("','")}')`)),
    check(
      "complaints_outcome_check",
      sql.raw(`outcome is null or outcome in ('founded','partly_founded','unfounded','no_judgement','withdrawn')`),
    ),
    check("complaints_closed_as_check", sql.raw(`closed_as is null or closed_as in ('${COMPLAINT_CLOSURES.join("','")}')`)),
    check(
      "complaints_withdrawn_complete",
      sql.raw(
        `(withdrawn_on is not null) = (closed_as is not distinct from 'withdrawn') and (withdrawn_on is not null) = (outcome is not distinct from 'withdrawn') and (withdrawn_on is null or closed_on = withdrawn_on)`,
      ),
    ),
    check(
      "complaints_hearing_skip_ground_check",
      sql.raw(`hearing_skip_ground is null or hearing_skip_ground in ('${HEARING_SKIP_GROUNDS.join("','")}')`),
    ),
    check(
      "complaints_hearing_offered_check",
      sql.raw(`hearing_offered_to is null or hearing_offered_to <@ array['${HEARING_PARTIES.join("','")}']::text[]`),
    ),
    check(
      "complaints_oral_rule_check",
      sql.raw(`oral_rule is null or (oral_rule in ('${ORAL_RULES.join("','")}') and channel in ('phone','desk'))`),
    ),
    check("complaints_deadline_steps_check", sql.raw(`jsonb_typeof(deadline_steps) = 'array'`)),
    check("complaints_closed_check", sql.raw(`(status = 'closed') = (closed_on is not null)`)),
    check("complaints_closed_after_receipt", sql.raw(`closed_on is null or closed_on >= received_on`)),
    check(
      "complaints_received_not_after_creation",
      sql.raw(`imported_at is not null or received_on <= (created_at at time zone 'Europe/Amsterdam')::date`),
    ),
    check("complaints_deadline_after_receipt", sql.raw(`deadline > received_on`)),
    check("complaints_ack_after_receipt", sql.raw(`acknowledged_on is null or acknowledged_on >= received_on`)),
    check("complaints_decided_after_receipt", sql.raw(`decided_on is null or decided_on >= received_on`)),
    check("complaints_decision_complete", sql.raw(`(decided_on is null) = (outcome is null or outcome = 'withdrawn')`)),
    check("complaints_decline_complete", sql.raw(`(declined_on is null) = (decline_reason is null)`)),
    check(
      "complaints_hearing_one_of",
      sql.raw(`hearing_report is null or (hearing_skipped_because is null and hearing_skip_ground is null)`),
    ),
    // Imported history (an older system) may lack the notice date and the complainant's contact details.
    check("complaints_postpone_pair", sql.raw(`imported_at is not null or (postponed_until is null) = (postponement_notice_on is null)`)),
    check(
      "complaints_contact",
      sql.raw(
        `imported_at is not null or anonymised_at is not null or complainant_email is not null or complainant_address is not null or complainant_phone is not null`,
      ),
    ),
  ],
);

/** Files sent with a complaint (the public form, or scanned letters). */
export const complaintAttachments = pgTable(
  "complaint_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("complaint_attachments_complaint_idx").on(t.complaintId),
    check("complaint_attachments_size_check", sql.raw(`size between 1 and ${MAX_ATTACHMENT_BYTES} and size = octet_length(data)`)),
  ],
);

/**
 * The letters of a complaint (9:6 acknowledgement, 9:11 postponement notice, 9:8 decline, 9:12 decision…),
 * each to one recipient; emailed through the outbox when there is an address, else printed for the post.
 */
export const complaintLetters = pgTable(
  "complaint_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull().default("complainant"),
    delivery: text("delivery").notNull(),
    toAddress: text("to_address"),
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentOn: day("sent_on").notNull(),
    outboundEmailId: uuid("outbound_email_id").references(() => outboundEmails.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("complaint_letters_complaint_idx").on(t.complaintId),
    check("complaint_letters_kind_check", sql.raw(`kind in ('${LETTER_KINDS.join("','")}')`)),
    check("complaint_letters_recipient_check", sql.raw(`recipient in ('complainant','person_concerned')`)),
    check("complaint_letters_delivery_check", sql.raw(`delivery in ('email','post')`)),
    check("complaint_letters_language_check", sql.raw(`language in ('nl','en')`)),
  ],
);

/** Reminders sent, one per (complaint, kind, deadline): a recomputed deadline earns fresh reminders. */
export const complaintReminders = pgTable(
  "complaint_reminders",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    deadline: day("deadline").notNull(),
    sentAt: tstz("sent_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("complaint_reminders_once_key").on(t.complaintId, t.kind, t.deadline),
    check("complaint_reminders_kind_check", sql.raw(`kind in ('${REMINDER_KINDS.join("','")}')`)),
  ],
);
