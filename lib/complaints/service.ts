import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx, type Tx } from "@/db/client";
import {
  calls,
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SUBJECTS,
  complaintAttachments,
  complaintLetters,
  complaints,
  events,
  atwDecreeDays,
  HEARING_PARTIES,
  HEARING_SKIP_GROUNDS,
  MAX_ATTACHMENT_BYTES,
  users,
} from "@/db/schema";
import { requirePermission } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/roles";
import { isIsoDate, type IsoDate } from "@/lib/calendar/dates";
import { NL_TZ, todayIn } from "@/lib/calendar/time";
import { AppError, badRequest, conflict, forbidden, notFound, ruleViolation } from "@/lib/errors";
import { wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, type EventActor } from "@/lib/platform/events";
import { resolveCustomer } from "@/lib/customers";
import { customerHistory } from "@/lib/platform/customer-history";
import { auditRead } from "@/lib/privacy";
import {
  atwCalendar,
  checkCommittee,
  checkConsentPostpone,
  checkDecline,
  checkPostpone,
  checkStepDate,
  complaintDeadline,
  deadlineBand,
  describeBasis,
  workingDaysBetween,
  type AtwCalendar,
  type DeadlineInput,
  type RuleBreak,
  withCommittee,
} from "./deadline";
import { DECLINE_REASONS } from "./letters";
import { hasPersonConcerned, sendLetter, sendToParties } from "./letters-out";
import { categoryForSubject, ensureCategory } from "./categories";
import { ORAL_CHANNELS, oralRuleFor, type OralRule } from "./oral";

export type Complaint = typeof complaints.$inferSelect;

// ---- Calendar and clock -------------------------------------------------------------------------------

/**
 * The Atw calendar: the computed holidays, the shipped decree days (art. 3(3)) and the later decree days an
 * admin added (atw_decree_days). Office closures (office_closed_days, desk_closures) are not read here:
 * they never move a statutory deadline.
 */
export async function loadAtwCalendar(q: DbOrTx = db): Promise<AtwCalendar> {
  const rows = await q.select({ date: atwDecreeDays.day, nl: atwDecreeDays.nameNl, en: atwDecreeDays.nameEn }).from(atwDecreeDays);
  return atwCalendar(rows.map((r) => ({ date: r.date, name: { nl: r.nl, en: r.en } })));
}

export const todayNl = (now: Date = new Date()) => todayIn(NL_TZ, now);

/** The deadline's input: receipt and the steps in the order they were taken (deadline_steps). */
export const deadlineInput = (c: Pick<Complaint, "receivedOn" | "deadlineSteps">): DeadlineInput => ({
  receivedOn: c.receivedOn,
  steps: c.deadlineSteps ?? [],
});

export const refuse = (b: RuleBreak | null) => {
  if (b) throw ruleViolation(b.code, b.message, b.field ? { [b.field]: b.message } : undefined, b.aliases);
};

// ---- Schemas ------------------------------------------------------------------------------------------

const isoDate = z.string().refine(isIsoDate, "not a date (YYYY-MM-DD)");
/** A category key (complaint_categories; whether it exists is checked against the table). */
const categoryKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "not a category key");
/** On a form an empty choice means "from the subject". */
const optCategory = z.union([z.literal("").transform(() => undefined), categoryKey]).optional();
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => v || null);

export const publicComplaintSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email("not a valid email address")
      .max(254)
      .optional()
      .nullable()
      .or(z.literal("").transform(() => null)),
    address: optText(500),
    phone: optText(40),
    vNumber: z
      .string()
      .trim()
      .regex(/^\d{10}$|^$/, "a V-number has 10 digits")
      .optional()
      .nullable()
      .transform((v) => v || null),
    description: z.string().trim().min(10, "describe what happened (at least 10 characters)").max(10_000),
    happenedWhen: optText(200),
    personConcerned: optText(200),
    subject: z.enum(COMPLAINT_SUBJECTS).optional().default("other"),
    category: optCategory,
    language: z.enum(["nl", "en"]).optional().default("nl"),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.address) ctx.addIssue({ code: "custom", path: ["email"], message: "give an email address or a postal address" });
  });

export const agentComplaintSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email("not a valid email address")
      .max(254)
      .optional()
      .nullable()
      .or(z.literal("").transform(() => null)),
    address: optText(500),
    phone: optText(40),
    vNumber: z
      .string()
      .trim()
      .regex(/^\d{10}$|^$/, "a V-number has 10 digits")
      .optional()
      .nullable()
      .transform((v) => v || null),
    description: z.string().trim().min(1, "required").max(10_000),
    happenedWhen: optText(200),
    personConcerned: optText(200),
    subject: z.enum(COMPLAINT_SUBJECTS).optional().default("other"),
    language: z.enum(["nl", "en"]).optional().default("nl"),
    channel: z.enum(["letter", "phone", "desk", "email"]),
    receivedOn: isoDate,
    customerId: z
      .string()
      .uuid()
      .optional()
      .nullable()
      .or(z.literal("").transform(() => null)),
    callId: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .nullable()
      .or(z.literal("").transform(() => null)),
    category: optCategory,
    /** Oral complaints (phone, desk): resolved at once to the complainant's satisfaction (Awb 9:5)? */
    resolvedAtOnce: z
      .union([z.boolean(), z.enum(["true", "false", "on", ""])])
      .optional()
      .transform((v) => v === true || v === "true" || v === "on"),
    /** What was done or agreed, when resolved at once. */
    resolution: optText(5000),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.address && !v.phone)
      ctx.addIssue({ code: "custom", path: ["email"], message: "give an email address, a postal address or a phone number" });
    if (v.resolvedAtOnce && !(ORAL_CHANNELS as readonly string[]).includes(v.channel))
      ctx.addIssue({
        code: "custom",
        path: ["resolvedAtOnce"],
        message: "only a complaint made by phone or at a desk can be resolved at once (Awb 9:5)",
      });
    if (v.resolvedAtOnce && !v.resolution) ctx.addIssue({ code: "custom", path: ["resolution"], message: "say how it was resolved" });
  });

export type PublicComplaintInput = z.infer<typeof publicComplaintSchema>;
export type AgentComplaintInput = z.infer<typeof agentComplaintSchema>;
export type AttachmentInput = { filename: string; contentType: string; data: Buffer };

export const MAX_ATTACHMENTS = 5;
const ALLOWED_TYPES =
  /^(application\/pdf|image\/(png|jpeg|gif|webp)|text\/plain|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword)$/;

function checkAttachments(files: AttachmentInput[]) {
  if (files.length > MAX_ATTACHMENTS)
    throw badRequest(`At most ${MAX_ATTACHMENTS} attachments`, { attachments: `at most ${MAX_ATTACHMENTS} files` });
  for (const f of files) {
    if (f.data.length > MAX_ATTACHMENT_BYTES)
      throw new AppError(413, "attachment_too_large", `${f.filename} is larger than 10 MB`, {
        attachments: `${f.filename}: larger than 10 MB`,
      });
    if (f.data.length === 0) throw badRequest(`${f.filename} is empty`, { attachments: `${f.filename}: empty` });
    if (!ALLOWED_TYPES.test(f.contentType))
      throw badRequest(`${f.filename}: type not accepted`, { attachments: `${f.filename}: use PDF, an image, text or Word` });
  }
}

// ---- Creating -----------------------------------------------------------------------------------------

type NewComplaint = {
  channel: (typeof COMPLAINT_CHANNELS)[number];
  receivedOn: IsoDate;
  status: "triage" | "open";
  name: string;
  email?: string | null;
  address: string | null;
  phone: string | null;
  vNumber: string | null;
  customerId: string | null;
  language: "nl" | "en";
  description: string;
  happenedWhen: string | null;
  personConcerned: string | null;
  subject: string;
  /** The IND category; from the subject when not given. */
  category?: string | null;
  oralRule?: OralRule | null;
  inboundMessageId?: string | null;
};

/**
 * The complainant's customer row (so their history shows the complaint): the one given, else found or created
 * by the customers module's rule (email, else V-number, else a phone only they have); none without any of these.
 */
async function customerFor(tx: Tx, c: NewComplaint): Promise<string | null> {
  if (c.customerId) return c.customerId;
  const customer = await resolveCustomer(tx, { name: c.name, email: c.email, phone: c.phone, vNumber: c.vNumber, language: c.language });
  return customer?.id ?? null;
}

async function insertComplaint(tx: Tx, c: NewComplaint, cal: AtwCalendar): Promise<Complaint> {
  const { deadline } = complaintDeadline({ receivedOn: c.receivedOn, steps: [] }, cal);
  const category = c.category ?? categoryForSubject(c.subject);
  await ensureCategory(tx, category);
  const customerId = await customerFor(tx, c);
  const [row] = await tx
    .insert(complaints)
    .values({
      reference: sql`'K-' || to_char(${c.receivedOn}::date, 'YYYY') || '-' || lpad(nextval('complaint_number_seq')::text, 5, '0')`,
      channel: c.channel,
      receivedOn: c.receivedOn,
      status: c.status,
      complainantName: c.name,
      complainantEmail: c.email ?? null,
      complainantAddress: c.address,
      complainantPhone: c.phone,
      vNumber: c.vNumber,
      customerId,
      language: c.language,
      description: c.description,
      happenedWhen: c.happenedWhen,
      personConcerned: c.personConcerned,
      subject: c.subject,
      category,
      oralRule: c.oralRule ?? null,
      deadline,
      inboundMessageId: c.inboundMessageId ?? null,
    })
    .returning();
  return row;
}

const created = (c: Complaint) => ({ reference: c.reference, status: c.status, receivedOn: c.receivedOn, deadline: c.deadline });

/**
 * The public form (no account): received today (Europe/Amsterdam); the acknowledgement (Awb 9:6) with
 * reference and deadline goes out at once by email when an address is given.
 */
export async function fileComplaint(input: PublicComplaintInput, files: AttachmentInput[] = [], now = new Date()) {
  checkAttachments(files);
  const cal = await loadAtwCalendar();
  const today = todayNl(now);
  const result = await db.transaction(async (tx) => {
    const c = await insertComplaint(
      tx,
      { ...input, channel: "web", receivedOn: today, status: "open", customerId: null, address: input.address, phone: input.phone },
      cal,
    );
    await storeAttachments(tx, c.id, files);
    await recordEvent(tx, { kind: "system", name: "web" }, "complaint", c.id, "received", { channel: "web", attachments: files.length });
    if (c.complainantEmail) await acknowledgeIn(tx, { kind: "system", name: "web" }, c, today);
    return created(c);
  });
  await wakeOutbox();
  return result;
}

/**
 * Agents register letters, calls, desk visits and emails with their date of receipt (never later than today).
 * An oral complaint (phone, desk) resolved at once (`resolvedAtOnce`, Awb 9:5) is closed on receipt as
 * resolved informally, without letters; otherwise it is recorded in writing by this registration and
 * follows the written procedure (`oralRule` says which applied).
 */
export async function registerComplaint(actor: Actor | null, input: AgentComplaintInput, files: AttachmentInput[] = [], now = new Date()) {
  const agent = requirePermission(actor, "registerComplaint");
  checkAttachments(files);
  const today = todayNl(now);
  refuse(
    input.receivedOn > today
      ? { code: "date_in_future", message: `receivedOn (${input.receivedOn}) lies in the future`, field: "receivedOn" }
      : null,
  );
  const cal = await loadAtwCalendar();
  const oralRule = oralRuleFor(input.channel, input.resolvedAtOnce);
  return db.transaction(async (tx) => {
    let c = await insertComplaint(tx, { ...input, status: "open", customerId: input.customerId ?? null, oralRule }, cal);
    await storeAttachments(tx, c.id, files);
    if (input.callId) {
      // The call this complaint came in on (spec 03 links to /agent/complaints/new?callId=…).
      const linked = await tx
        .update(calls)
        .set({ complaintId: c.id, updatedAt: new Date() })
        .where(eq(calls.id, input.callId))
        .returning({ id: calls.id });
      if (!linked.length) throw badRequest("No such call", { callId: "no such call" });
      await recordEvent(tx, agent, "call", String(input.callId), "linked_complaint", { reference: c.reference });
    }
    await recordEvent(tx, agent, "complaint", c.id, "received", {
      channel: input.channel,
      receivedOn: input.receivedOn,
      callId: input.callId ?? null,
      oralRule,
    });
    if (oralRule === "resolved_at_once") {
      // Awb 9:5: met to the complainant's satisfaction at once — closed on receipt, no letters.
      c = await update(tx, c, {
        informalOn: c.receivedOn,
        informalNote: input.resolution,
        status: "closed",
        closedAs: "informal",
        closedOn: c.receivedOn,
      });
      await recordEvent(tx, agent, "complaint", c.id, "resolved_at_once", { on: c.receivedOn });
    }
    return created(c);
  });
}

async function storeAttachments(tx: Tx, complaintId: string, files: AttachmentInput[]) {
  if (!files.length) return;
  await tx.insert(complaintAttachments).values(
    files.map((f) => ({
      complaintId,
      filename: f.filename.slice(0, 200),
      contentType: f.contentType,
      size: f.data.length,
      sha256: crypto.createHash("sha256").update(f.data).digest("hex"),
      data: f.data,
    })),
  );
}

/** Mail to the complaints mailbox: a complaint in triage linked to the stored message (see intake-mail.ts). */
export async function complaintFromMailIn(
  tx: Tx,
  mail: {
    customerId: string | null;
    fromAddress: string;
    fromName: string | null;
    subject: string;
    text: string;
    receivedOn: IsoDate;
    inboundMessageId: string;
    language: "nl" | "en";
  },
): Promise<{ reference: string }> {
  const cal = await loadAtwCalendar(tx);
  const existing = await tx
    .select({ reference: complaints.reference })
    .from(complaints)
    .where(eq(complaints.inboundMessageId, mail.inboundMessageId))
    .limit(1);
  if (existing.length) return existing[0];
  const c = await insertComplaint(
    tx,
    {
      channel: "email",
      receivedOn: mail.receivedOn,
      status: "triage",
      name: mail.fromName?.trim() || mail.fromAddress,
      email: mail.fromAddress.toLowerCase(),
      address: null,
      phone: null,
      vNumber: null,
      customerId: mail.customerId,
      language: mail.language,
      description: [mail.subject, mail.text].filter(Boolean).join("\n\n").slice(0, 10_000) || "(no text)",
      happenedWhen: null,
      personConcerned: null,
      subject: "other",
      inboundMessageId: mail.inboundMessageId,
    },
    cal,
  );
  await recordEvent(tx, { kind: "system", name: "smtp" }, "complaint", c.id, "received", {
    channel: "email",
    inboundMessageId: mail.inboundMessageId,
  });
  return { reference: c.reference };
}

// ---- Steps --------------------------------------------------------------------------------------------

/** Steps are for handlers; supervisors read and reassign (spec 00). */
export function requireHandler(actor: Actor | null): Actor {
  const a = requirePermission(actor, "handleComplaints");
  if (a.role === "supervisor") throw forbidden("Supervisors read complaint files and reassign them; the handler takes the steps");
  return a;
}

export async function lockOpen(tx: Tx, reference: string): Promise<Complaint> {
  const [c] = await tx.select().from(complaints).where(eq(complaints.reference, reference)).for("update");
  if (!c) throw notFound("Complaint");
  if (c.status === "closed") throw ruleViolation("complaint_closed", `Complaint ${reference} was closed on ${c.closedOn}`);
  return c;
}

export type StepCtx = { tx: Tx; c: Complaint; cal: AtwCalendar; today: IsoDate; actor: Actor };

/** A step on an open complaint: handler only, the row locked, in one transaction; the outbox woken after. */
export async function step<T>(actor: Actor | null, reference: string, now: Date, fn: (s: StepCtx) => Promise<T>): Promise<T> {
  const a = requireHandler(actor);
  const cal = await loadAtwCalendar();
  const today = todayNl(now);
  const out = await db.transaction(async (tx) => fn({ tx, c: await lockOpen(tx, reference), cal, today, actor: a }));
  await wakeOutbox();
  return out;
}

export async function update(tx: Tx, c: Complaint, patch: Partial<typeof complaints.$inferInsert>): Promise<Complaint> {
  const [row] = await tx
    .update(complaints)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(complaints.id, c.id))
    .returning();
  return row;
}

async function acknowledgeIn(tx: Tx, actor: EventActor, c: Complaint, sentOn: IsoDate) {
  const row = await update(tx, c, { acknowledgedOn: sentOn, status: c.status === "triage" ? "open" : c.status });
  await sendLetter(tx, row, "acknowledgement", sentOn);
  await recordEvent(tx, actor, "complaint", c.id, "acknowledged", { sentOn });
  return row;
}

export const acknowledgeSchema = z.object({ sentOn: isoDate });
/** Awb 9:6: receipt confirmed in writing, with reference and deadline. */
export async function acknowledgeComplaint(
  actor: Actor | null,
  reference: string,
  input: z.infer<typeof acknowledgeSchema>,
  now = new Date(),
) {
  return step(actor, reference, now, async ({ tx, c, today, actor: a }) => {
    if (c.acknowledgedOn) throw conflict("already_acknowledged", `Acknowledged on ${c.acknowledgedOn}`);
    refuse(checkStepDate("sentOn", input.sentOn, c.receivedOn, today));
    return view(await acknowledgeIn(tx, a, c, input.sentOn));
  });
}

export const postponeSchema = z.object({
  until: isoDate,
  /** Optional and only ever today: the app sends the notice itself, dated the day it is sent (Awb 9:11(2)). */
  noticeSentOn: isoDate.optional().nullable(),
});
/**
 * Awb 9:11(2): once, at most four weeks beyond the deadline in force (counted from the Atw-moved deadline;
 * see checkPostpone), refused once the deadline has passed or after a consent-based postponement. The
 * notice goes out now, dated today, to the complainant and the person or unit the complaint is about.
 */
export async function postponeComplaint(actor: Actor | null, reference: string, input: z.infer<typeof postponeSchema>, now = new Date()) {
  return step(actor, reference, now, async ({ tx, c, cal, today, actor: a }) => {
    const current = deadlineInput(c);
    refuse(checkPostpone(current, input, today, cal));
    const steps = [...(c.deadlineSteps ?? []), { kind: "postponed" as const, until: input.until, noticeSentOn: today }];
    const { deadline } = complaintDeadline({ ...current, steps }, cal);
    const row = await update(tx, c, { postponedUntil: input.until, postponementNoticeOn: today, deadlineSteps: steps, deadline });
    await sendToParties(tx, row, "postponement", today, { until: deadline });
    await recordEvent(tx, a, "complaint", c.id, "postponed", {
      until: input.until,
      noticeSentOn: today,
      deadline,
      previousDeadline: c.deadline,
    });
    return view(row);
  });
}

export const consentPostponeSchema = z.object({ until: isoDate, consentOn: isoDate });
/**
 * Awb 9:11(3): further postponement only with the complainant's written consent, given and recorded before
 * the deadline in force passes. The letters confirm it to the complainant and the person concerned.
 */
export async function consentPostponeComplaint(
  actor: Actor | null,
  reference: string,
  input: z.infer<typeof consentPostponeSchema>,
  now = new Date(),
) {
  return step(actor, reference, now, async ({ tx, c, cal, today, actor: a }) => {
    const current = deadlineInput(c);
    refuse(checkConsentPostpone(current, input, today, cal));
    const consents = [...(c.consentPostponements ?? []), { until: input.until, consentOn: input.consentOn }];
    const steps = [...(c.deadlineSteps ?? []), { kind: "consent" as const, until: input.until, consentOn: input.consentOn }];
    const { deadline } = complaintDeadline({ ...current, steps }, cal);
    const row = await update(tx, c, { consentPostponements: consents, deadlineSteps: steps, deadline });
    await sendToParties(tx, row, "consent_postponement", today, { until: deadline, on: input.consentOn });
    await recordEvent(tx, a, "complaint", c.id, "postponed_with_consent", { ...input, deadline, previousDeadline: c.deadline });
    return view(row);
  });
}

export const declineSchema = z.object({ reason: z.enum(DECLINE_REASONS), sentOn: isoDate });
/** Awb 9:8: not handled, notified within four weeks of receipt. */
export async function declineComplaint(actor: Actor | null, reference: string, input: z.infer<typeof declineSchema>, now = new Date()) {
  return step(actor, reference, now, async ({ tx, c, cal, today, actor: a }) => {
    refuse(checkDecline(c.receivedOn, input.sentOn, today, cal));
    const row = await update(tx, c, {
      declineReason: input.reason,
      declinedOn: input.sentOn,
      status: "closed",
      closedAs: "declined",
      closedOn: input.sentOn,
    });
    await sendLetter(tx, row, "decline", input.sentOn, { reason: input.reason });
    await recordEvent(tx, a, "complaint", c.id, "declined", input);
    return view(row);
  });
}

export const informalSchema = z.object({ on: isoDate, note: z.string().trim().min(1, "required").max(5000) });
/** Awb 9:5: resolved to the complainant's satisfaction, e.g. after a call — the call is logged (spec 03). */
export async function resolveInformally(actor: Actor | null, reference: string, input: z.infer<typeof informalSchema>, now = new Date()) {
  return step(actor, reference, now, async ({ tx, c, today, actor: a }) => {
    refuse(checkStepDate("on", input.on, c.receivedOn, today));
    const row = await update(tx, c, {
      informalOn: input.on,
      informalNote: input.note,
      status: "closed",
      closedAs: "informal",
      closedOn: input.on,
    });
    // The call that resolved it, in the call log (spec 03), at noon of that day when it was not today.
    const at = input.on === today ? now : new Date(`${input.on}T11:00:00Z`);
    const [call] = await tx
      .insert(calls)
      .values({
        source: "manual",
        direction: "out",
        toNumber: c.complainantPhone,
        agentId: a.kind === "user" ? a.id : null,
        offeredAt: at,
        answeredAt: at,
        endedAt: at,
        result: "answered",
        customerId: c.customerId,
        topic: "complaint",
        notes: input.note,
        complaintId: c.id,
      })
      .returning({ id: calls.id });
    await recordEvent(tx, a, "call", String(call.id), "logged", { complaint: c.reference });
    if (c.complainantEmail) await sendLetter(tx, row, "informal", input.on, { on: input.on, note: input.note });
    await recordEvent(tx, a, "complaint", c.id, "resolved_informally", { on: input.on, callId: call.id });
    return view(row);
  });
}

export const hearingSchema = z
  .object({
    on: isoDate.optional(),
    report: z
      .string()
      .trim()
      .max(20_000)
      .optional()
      .nullable()
      .transform((v) => v || null),
    /** Awb 9:10(2): one of the three grounds (a, b, c); free text is no ground. */
    skippedBecause: z
      .enum(HEARING_SKIP_GROUNDS, { message: `one of ${HEARING_SKIP_GROUNDS.join(", ")} (Awb 9:10(2))` })
      .optional()
      .nullable(),
    /** A note to the skip ground (e.g. when the complainant said so). */
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .nullable()
      .transform((v) => v || null),
    /** Awb 9:10(1): who was offered a hearing; by default the complainant and, when named, the person concerned. */
    offeredTo: z.array(z.enum(HEARING_PARTIES)).min(1).max(2).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.report && v.skippedBecause)
      ctx.addIssue({ code: "custom", path: ["skippedBecause"], message: "a report or a reason to skip, not both" });
    if (!v.report && !v.skippedBecause && !v.on)
      ctx.addIssue({ code: "custom", path: ["on"], message: "give a date to schedule, a report, or a reason to skip" });
    if (v.report && !v.on) ctx.addIssue({ code: "custom", path: ["on"], message: "required with a report" });
  });
/**
 * Awb 9:10: schedule the hearing (invitations to everyone offered one), record its report, or record why
 * the complainant was not heard — only on a ground of 9:10(2).
 */
export async function recordHearing(actor: Actor | null, reference: string, input: z.infer<typeof hearingSchema>, now = new Date()) {
  return step(actor, reference, now, async ({ tx, c, today, actor: a }) => {
    const offeredTo = input.offeredTo ?? (hasPersonConcerned(c) ? ["complainant", "person_concerned"] : ["complainant"]);
    if (offeredTo.includes("person_concerned") && !hasPersonConcerned(c))
      throw badRequest("The complaint names no person concerned", { offeredTo: "name the person or unit the complaint is about first" });
    if (input.skippedBecause) {
      const row = await update(tx, c, {
        hearingSkipGround: input.skippedBecause,
        hearingSkippedBecause: input.note,
        hearingReport: null,
        hearingOn: input.on ?? null,
      });
      // The ground is one of the three codes of 9:10(2); the free-text note stays on the complaint, not in the event.
      await recordEvent(tx, a, "complaint", c.id, "hearing_skipped", { ground: input.skippedBecause, on: input.on ?? null });
      return view(row);
    }
    const on = input.on;
    if (!on) throw badRequest("Give a date to schedule, a report, or a reason to skip", { on: "required" }); // the schema says so too
    if (input.report) {
      refuse(checkStepDate("on", on, c.receivedOn, today));
      const row = await update(tx, c, {
        hearingOn: on,
        hearingReport: input.report,
        hearingSkippedBecause: null,
        hearingSkipGround: null,
        hearingOfferedTo: c.hearingOfferedTo ?? offeredTo,
      });
      await recordEvent(tx, a, "complaint", c.id, "hearing_held", { on: input.on });
      return view(row);
    }
    if (on < today)
      throw ruleViolation("date_in_past", "A hearing is scheduled for today or later; record a report for a past hearing", {
        on: "lies in the past",
      });
    const row = await update(tx, c, { hearingOn: on, hearingOfferedTo: offeredTo });
    for (const who of offeredTo) await sendLetter(tx, row, "hearing", today, { on: input.on }, who);
    await recordEvent(tx, a, "complaint", c.id, "hearing_scheduled", { on: input.on, offeredTo });
    return view(row);
  });
}

export const decideSchema = z.object({
  outcome: z.enum(COMPLAINT_OUTCOMES),
  reasons: z.string().trim().min(1, "required").max(20_000),
  sentOn: isoDate,
});
/** Awb 9:12: the decision with reasons; the letter names the Nationale ombudsman. Closes on the date sent. */
export async function decideComplaint(actor: Actor | null, reference: string, input: z.infer<typeof decideSchema>, now = new Date()) {
  return step(actor, reference, now, async ({ tx, c, today, actor: a }) => {
    refuse(checkStepDate("sentOn", input.sentOn, c.receivedOn, today, "decision_before_receipt"));
    // Older files recorded a free-text reason only (hearing_skipped_because); new ones a 9:10(2) ground.
    if (!c.hearingReport && !c.hearingSkipGround && !c.hearingSkippedBecause)
      throw ruleViolation(
        "awb_9_10_hearing_missing",
        "Record the hearing report, or why the complainant was not heard, before deciding (Awb 9:10)",
      );
    if (!c.acknowledgedOn) throw ruleViolation("awb_9_6_not_acknowledged", "Acknowledge receipt before deciding (Awb 9:6)");
    const row = await update(tx, c, {
      outcome: input.outcome,
      decisionReasons: input.reasons,
      decidedOn: input.sentOn,
      status: "closed",
      closedAs: "decided",
      closedOn: input.sentOn,
    });
    await sendToParties(tx, row, "decision", input.sentOn, { outcome: input.outcome, reasons: input.reasons });
    await recordEvent(tx, a, "complaint", c.id, "decided", {
      outcome: input.outcome,
      sentOn: input.sentOn,
      onTime: input.sentOn <= c.deadline,
    });
    return view(row);
  });
}

export const patchSchema = z.object({
  handlerId: z.string().uuid().nullable().optional(),
  subject: z.enum(COMPLAINT_SUBJECTS).optional(),
  category: categoryKey.optional(),
  advisoryCommittee: z.boolean().optional(),
  personConcerned: z.string().trim().max(200).nullable().optional(),
  personConcernedId: z.string().uuid().nullable().optional(),
});

/**
 * Assign, classify, committee (Awb 9:14 → ten weeks from receipt, never shorter than the deadline in force;
 * refused after the six-week deadline). Warns (does not refuse) when the handler is the person complained
 * about (Awb 9:7: the complaint is handled by someone not involved in the conduct).
 */
export async function patchComplaint(actor: Actor | null, reference: string, input: z.infer<typeof patchSchema>, now = new Date()) {
  const a = requirePermission(actor, "handleComplaints");
  if (a.role === "supervisor" && Object.keys(input).some((k) => k !== "handlerId")) throw forbidden("Supervisors may only reassign");
  const cal = await loadAtwCalendar();
  const today = todayNl(now);
  return db.transaction(async (tx) => {
    const c = await lockOpen(tx, reference);
    const patch: Partial<typeof complaints.$inferInsert> = { ...input };
    if (input.handlerId) {
      const [u] = await tx
        .select({ id: users.id, role: users.role, active: users.active })
        .from(users)
        .where(eq(users.id, input.handlerId));
      if (!u || !u.active) throw badRequest("No such active user", { handlerId: "no such active user" });
      if (c.status === "triage") patch.status = "open";
    }
    if (input.category !== undefined) await ensureCategory(tx, input.category);
    if (input.advisoryCommittee !== undefined && input.advisoryCommittee !== c.advisoryCommittee) {
      refuse(checkCommittee(deadlineInput(c), input.advisoryCommittee, today, cal));
      const steps = withCommittee(c.deadlineSteps ?? [], input.advisoryCommittee, today);
      patch.deadlineSteps = steps;
      patch.deadline = complaintDeadline({ receivedOn: c.receivedOn, steps }, cal).deadline;
    }
    const row = await update(tx, c, patch);
    await recordEvent(tx, a, "complaint", c.id, input.handlerId !== undefined ? "assigned" : "updated", {
      ...input,
      personConcerned: undefined,
      changed: Object.keys(input),
    });
    const warnings = await personConcernedWarnings(tx, row);
    return { ...(await view(row)), warnings };
  });
}

async function personConcernedWarnings(q: DbOrTx, c: Complaint) {
  if (!c.handlerId) return [];
  const [h] = await q.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, c.handlerId));
  const pc = c.personConcerned?.toLowerCase() ?? "";
  const match =
    c.personConcernedId === c.handlerId || (!!h && !!pc && (pc.includes(h.name.toLowerCase()) || pc.includes(h.email.toLowerCase())));
  return match
    ? [
        {
          code: "awb_9_7_handler_is_person_concerned",
          message: "The handler is the person this complaint is about; Awb 9:7 wants someone else to handle it",
        },
      ]
    : [];
}

// ---- Reading ------------------------------------------------------------------------------------------

/** A complaint as the API shows it, with its deadline and how it was computed. */
export async function view(c: Complaint, cal?: AtwCalendar, now = new Date()) {
  const calendar = cal ?? (await loadAtwCalendar());
  const today = todayNl(now);
  const d = complaintDeadline(deadlineInput(c), calendar);
  return {
    id: c.id,
    reference: c.reference,
    channel: c.channel,
    status: c.status,
    receivedOn: c.receivedOn,
    deadline: c.deadline,
    deadlineBasis: { steps: d.basis, nl: describeBasis(d.basis, "nl"), en: describeBasis(d.basis, "en") },
    band: c.status === "closed" ? null : deadlineBand(c.deadline, today, calendar),
    workingDaysLeft: c.status === "closed" ? null : workingDaysBetween(today, c.deadline, calendar),
    complainant: {
      name: c.complainantName,
      email: c.complainantEmail,
      address: c.complainantAddress,
      phone: c.complainantPhone,
      vNumber: c.vNumber,
      customerId: c.customerId,
    },
    language: c.language,
    description: c.description,
    happenedWhen: c.happenedWhen,
    personConcerned: c.personConcerned,
    personConcernedId: c.personConcernedId,
    subject: c.subject,
    category: c.category,
    /** Oral complaints: which rule applied (Awb 9:5 resolved at once, or the written procedure). */
    oralRule: c.oralRule,
    handlerId: c.handlerId,
    advisoryCommittee: c.advisoryCommittee,
    acknowledgedOn: c.acknowledgedOn,
    postponement: c.postponedUntil ? { until: c.postponedUntil, noticeSentOn: c.postponementNoticeOn } : null,
    consentPostponements: c.consentPostponements,
    deadlineSteps: c.deadlineSteps,
    decline: c.declinedOn ? { reason: c.declineReason, sentOn: c.declinedOn } : null,
    informal: c.informalOn ? { on: c.informalOn, note: c.informalNote } : null,
    hearing:
      c.hearingOn || c.hearingSkippedBecause || c.hearingSkipGround
        ? {
            on: c.hearingOn,
            report: c.hearingReport,
            skippedBecause: c.hearingSkipGround,
            note: c.hearingSkippedBecause,
            offeredTo: c.hearingOfferedTo,
          }
        : null,
    decision: c.decidedOn ? { outcome: c.outcome, reasons: c.decisionReasons, sentOn: c.decidedOn } : null,
    withdrawal: c.withdrawnOn ? { on: c.withdrawnOn, note: c.withdrawalNote } : null,
    outcome: c.outcome,
    closedAs: c.closedAs,
    closedOn: c.closedOn,
    // A withdrawn complaint was not handled: neither on time nor late.
    onTime: c.closedOn && c.closedAs !== "withdrawn" ? c.closedOn <= c.deadline : null,
    inboundMessageId: c.inboundMessageId,
  };
}

export async function getComplaint(actor: Actor | null, reference: string, now = new Date()) {
  const a = requirePermission(actor, "handleComplaints");
  const [c] = await db.select().from(complaints).where(eq(complaints.reference, reference));
  if (!c) throw notFound("Complaint");
  const [timeline, letters, linkedCalls, attachments, handler, warnings] = await Promise.all([
    db
      .select({ at: events.at, action: events.action, actor: events.actorLabel, data: events.data })
      .from(events)
      .where(and(eq(events.entityType, "complaint"), eq(events.entityId, c.id)))
      .orderBy(asc(events.at), asc(events.id)),
    db
      .select({
        id: complaintLetters.id,
        kind: complaintLetters.kind,
        recipient: complaintLetters.recipient,
        delivery: complaintLetters.delivery,
        toAddress: complaintLetters.toAddress,
        language: complaintLetters.language,
        subject: complaintLetters.subject,
        sentOn: complaintLetters.sentOn,
        outboundEmailId: complaintLetters.outboundEmailId,
        emailStatus: sql<string | null>`(select status from outbound_emails o where o.id = ${complaintLetters.outboundEmailId})`,
      })
      .from(complaintLetters)
      .where(eq(complaintLetters.complaintId, c.id))
      .orderBy(asc(complaintLetters.createdAt)),
    db
      .select({ id: calls.id, offeredAt: calls.offeredAt, direction: calls.direction, result: calls.result, notes: calls.notes })
      .from(calls)
      .where(eq(calls.complaintId, c.id))
      .orderBy(asc(calls.offeredAt)),
    db
      .select({
        id: complaintAttachments.id,
        filename: complaintAttachments.filename,
        size: complaintAttachments.size,
        contentType: complaintAttachments.contentType,
      })
      .from(complaintAttachments)
      .where(eq(complaintAttachments.complaintId, c.id)),
    c.handlerId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, c.handlerId)) : Promise.resolve([]),
    personConcernedWarnings(db, c),
  ]);
  let related: { type: string; reference: string; title: string; status: string; at: string; href: string }[] = [];
  if (c.customerId) {
    related = (await customerHistory(a, c.customerId).catch(() => [])).filter((h) => h.type === "ticket" || h.type === "appointment");
  }
  await auditRead(a, { entityType: "complaint", id: c.reference, customers: [c.customerId], purpose: "complaint_view", dedupeMinutes: 10 });
  return {
    ...(await view(c, undefined, now)),
    handler: handler[0] ?? null,
    timeline,
    letters,
    calls: linkedCalls,
    attachments,
    related,
    warnings,
  };
}

export const listQuerySchema = z.object({
  status: z.enum(["open", "triage", "closed", "all"]).optional().default("open"),
  handler: z.union([z.string().uuid(), z.literal("none"), z.literal("me")]).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  dueBefore: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(2000).optional().default(1000),
});

/** The tracker: open complaints by days left, with the counts the team watches. */
export async function listComplaints(actor: Actor | null, q: z.infer<typeof listQuerySchema>, now = new Date()) {
  const a = requirePermission(actor, "handleComplaints");
  const cal = await loadAtwCalendar();
  const today = todayNl(now);
  const conds = [];
  if (q.status === "open") conds.push(sql`${complaints.status} <> 'closed'`);
  else if (q.status !== "all") conds.push(eq(complaints.status, q.status));
  if (q.handler === "none") conds.push(sql`${complaints.handlerId} is null`);
  else if (q.handler === "me") conds.push(eq(complaints.handlerId, a.id));
  else if (q.handler) conds.push(eq(complaints.handlerId, q.handler));
  if (q.channel) conds.push(eq(complaints.channel, q.channel));
  if (q.dueBefore) conds.push(sql`${complaints.deadline} < ${q.dueBefore}`);
  const where = conds.length ? and(...conds) : undefined;
  const [rows, counts] = await Promise.all([
    db
      .select({
        reference: complaints.reference,
        name: complaints.complainantName,
        channel: complaints.channel,
        status: complaints.status,
        subject: complaints.subject,
        category: complaints.category,
        receivedOn: complaints.receivedOn,
        deadline: complaints.deadline,
        acknowledgedOn: complaints.acknowledgedOn,
        closedOn: complaints.closedOn,
        handlerId: complaints.handlerId,
        handlerName: users.name,
        customerId: complaints.customerId,
      })
      .from(complaints)
      .leftJoin(users, eq(users.id, complaints.handlerId))
      .where(where)
      .orderBy(q.status === "closed" ? desc(complaints.closedOn) : asc(complaints.deadline), asc(complaints.reference))
      .limit(q.limit),
    db
      .select({
        open: sql<number>`count(*)::int`,
        notAcknowledged: sql<number>`count(*) filter (where ${complaints.acknowledgedOn} is null)::int`,
        noHandler: sql<number>`count(*) filter (where ${complaints.handlerId} is null)::int`,
        overdue: sql<number>`count(*) filter (where ${complaints.deadline} < ${today})::int`,
      })
      .from(complaints)
      .where(sql`${complaints.status} <> 'closed'`),
  ]);
  await auditRead(a, {
    entityType: "complaint",
    ids: rows.map((r) => r.reference),
    customers: rows.map((r) => r.customerId),
    purpose: "complaint_list",
    filters: q,
    dedupeMinutes: 10,
  });
  const items = rows.map((r) => ({
    ...r,
    band: r.closedOn ? null : deadlineBand(r.deadline, today, cal),
    workingDaysLeft: r.closedOn ? null : workingDaysBetween(today, r.deadline, cal),
  }));
  return { today, counts: counts[0], items };
}

/** Handlers for the assignment list. */
export async function listHandlers(actor: Actor | null) {
  requirePermission(actor, "handleComplaints");
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.role} in ('complaints','supervisor')`))
    .orderBy(asc(users.name));
}

export const statusLookupSchema = z.object({
  reference: z.string().trim().toUpperCase().min(3, "required").max(40),
  email: z.string().trim().toLowerCase().email("not a valid email address"),
});
/** The complainant's own lookup: reference + email → status and expected date (no other details). */
export async function lookupStatus(input: z.infer<typeof statusLookupSchema>) {
  const [c] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.reference, input.reference), sql`lower(${complaints.complainantEmail}) = ${input.email}`));
  if (!c) throw notFound("Complaint with this reference and email address");
  return {
    reference: c.reference,
    status: c.status,
    receivedOn: c.receivedOn,
    acknowledgedOn: c.acknowledgedOn,
    expectedBy: c.deadline,
    postponed: !!c.postponedUntil || (c.consentPostponements?.length ?? 0) > 0,
    closedOn: c.closedOn,
    closedAs: c.closedAs,
    outcome: c.outcome,
  };
}

/** A letter for printing (complainants who wrote by post). */
export async function getLetter(actor: Actor | null, reference: string, letterId: string) {
  const a = requirePermission(actor, "handleComplaints");
  const [row] = await db
    .select({
      letter: complaintLetters,
      c: {
        reference: complaints.reference,
        address: complaints.complainantAddress,
        name: complaints.complainantName,
        customerId: complaints.customerId,
      },
    })
    .from(complaintLetters)
    .innerJoin(complaints, eq(complaints.id, complaintLetters.complaintId))
    .where(and(eq(complaints.reference, reference), eq(complaintLetters.id, letterId)));
  if (!row) throw notFound("Letter");
  await auditRead(a, {
    entityType: "complaint_letter",
    id: letterId,
    customers: [row.c.customerId],
    purpose: "letter_print",
    filters: { complaint: row.c.reference },
  });
  return row;
}

export async function getAttachment(actor: Actor | null, reference: string, id: string) {
  const a = requirePermission(actor, "handleComplaints");
  const [row] = await db
    .select({ a: complaintAttachments, complaintId: complaints.id, customerId: complaints.customerId })
    .from(complaintAttachments)
    .innerJoin(complaints, eq(complaints.id, complaintAttachments.complaintId))
    .where(and(eq(complaints.reference, reference), eq(complaintAttachments.id, id)));
  if (!row) throw notFound("Attachment");
  await auditRead(a, {
    entityType: "complaint_attachment",
    id,
    customers: [row.customerId],
    purpose: "download",
    filters: { complaint: reference },
  });
  return row.a;
}
