import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "@/db/client";
import {
  appointments,
  calls,
  complaintAttachments,
  complaintLetters,
  complaints,
  customers,
  outboundEmails,
  slotAlerts,
  ticketAttachments,
  ticketMessages,
  tickets,
} from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { normalizePhone } from "@/lib/customers";
import { pgArray } from "@/lib/platform/sql";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/platform/events";
import {
  anonymiseAppointments,
  anonymiseCalls,
  anonymiseComplaints,
  anonymiseCustomers,
  anonymiseOutbox,
  anonymiseTickets,
} from "./anonymise";
import { auditRead } from "./audit";

/**
 * The data subject's rights for admins (AVG art. 15 access, art. 17 erasure): find a person, export all their
 * records, anonymise them everywhere. Every step is in the access log (auditRead) or the event log.
 */

/** A text[] parameter (a PostgreSQL array literal, each element quoted and escaped). */
const textArray = (values: readonly string[]) => sql`${pgArray(values)}::text[]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function customerIdOf(raw: string): string {
  if (!UUID.test(raw)) throw notFound("Customer");
  return raw.toLowerCase();
}

export const customerSearchSchema = z.object({ q: z.string().trim().min(2, "at least 2 characters").max(200) });

type CustomerRow = typeof customers.$inferSelect;

/** What the admin list shows of a person, and how many records point at them. */
async function summaries(q: DbOrTx, rows: CustomerRow[]) {
  if (!rows.length) return [];
  const ids = `{${rows.map((r) => r.id).join(",")}}`;
  const { rows: counts } = await q.execute<{ id: string; tickets: number; calls: number; appointments: number; complaints: number }>(sql`
    select c.id,
      (select count(*) from tickets t where t.customer_id = c.id)::int as tickets,
      (select count(*) from calls k where k.customer_id = c.id)::int as calls,
      (select count(*) from appointments a where a.customer_id = c.id)::int as appointments,
      (select count(*) from complaints p where p.customer_id = c.id)::int as complaints
    from customers c where c.id = any(${ids}::uuid[])`);
  const byId = new Map(counts.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = byId.get(r.id);
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      vNumber: r.vNumber,
      language: r.language,
      createdAt: r.createdAt.toISOString(),
      anonymisedAt: r.anonymisedAt?.toISOString() ?? null,
      records: { tickets: c?.tickets ?? 0, calls: c?.calls ?? 0, appointments: c?.appointments ?? 0, complaints: c?.complaints ?? 0 },
    };
  });
}

/**
 * Finds people by customer id, email address (exact, any case), phone number (however written), V-number
 * (10 digits) or part of the name. The search term goes into the access log only as a keyed digest.
 */
export async function findCustomers(actor: Actor | null, query: z.infer<typeof customerSearchSchema>) {
  const a = requirePermission(actor, "administer");
  const q = query.q;
  const digits = q.replace(/\D/g, "");
  let where;
  if (UUID.test(q)) where = eq(customers.id, q.toLowerCase());
  else if (q.includes("@")) where = sql`lower(${customers.email}) = lower(${q})`;
  else if (/^[+\d][\d\s\-().]*$/.test(q) && digits.length >= 6) {
    const n = normalizePhone(q);
    // customers_with_phone: the customers module's phone rule (the same matching as the screen pop); a V-number has 10 digits.
    where = sql`(${customers.id} in (select customers_with_phone(${n})) or ${customers.vNumber} = ${digits})`;
  } else where = sql`${customers.name} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  const rows = await db.select().from(customers).where(where).orderBy(asc(customers.createdAt)).limit(50);
  const out = await summaries(db, rows);
  await auditRead(a, {
    entityType: "customer",
    ids: out.map((c) => c.id),
    customers: out.map((c) => c.id),
    purpose: "admin_customer_search",
    search: q,
  });
  return out;
}

// ---- The person's records --------------------------------------------------------------------------------

/**
 * Which records are this person's: everything linked to the customer row, plus what carries their address or
 * number without the link (a booking or complaint made before the row existed, a call from their number that
 * nobody matched). Export and erasure use the same scope, so an erasure removes exactly what an export shows.
 */
async function subjectScope(q: DbOrTx, c: CustomerRow) {
  const email = c.email?.toLowerCase() ?? null;
  const phone = normalizePhone(c.phone);
  const ids = async <T>(query: ReturnType<typeof sql>) => (await q.execute<{ id: T }>(query)).rows.map((r) => r.id);
  // One after the other: inside an erasure these run on the transaction's one connection.
  const ticketIds = await ids<string>(sql`select id from tickets where customer_id = ${c.id} order by created_at`);
  const linked = (
    await q.execute<{ id: number; number: string | null }>(sql`
    select id, case when direction = 'in' then from_number else to_number end as number from calls where customer_id = ${c.id}`)
  ).rows;
  // Inbound calls from their number that nobody linked to them: looked up by calls_from_number_idx in the ways
  // the number is written (+31 6…, 0031 6…, 06…, and as the telephone system wrote it on their linked calls),
  // then checked with the same normalisation as the screen pop (customers_normalize_phone, lib/customers).
  let unlinked: number[] = [];
  if (phone && phone.length >= 6) {
    const national = phone.replace(/^0/, "");
    const forms = new Set([c.phone ?? phone, phone, `+31${national}`, `0031${national}`, `31${national}`]);
    for (const l of linked) if (l.number && normalizePhone(l.number) === phone) forms.add(l.number);
    unlinked = await ids<number>(sql`select id from calls where from_number = any(${textArray([...forms])})
      and direction = 'in' and customer_id is null and customers_normalize_phone(from_number) = ${phone}`);
  }
  const callIds = [...linked.map((l) => Number(l.id)), ...unlinked.map(Number)];
  const appointmentIds = await ids<string>(
    sql`select id from appointments where customer_id = ${c.id} ${email ? sql`or lower(email) = ${email}` : sql``} order by starts_at`,
  );
  const complaintIds = await ids<string>(
    sql`select id from complaints where customer_id = ${c.id} ${email ? sql`or lower(complainant_email) = ${email}` : sql``} order by received_on`,
  );
  const slotAlertIds = email ? await ids<string>(sql`select id from slot_alerts where lower(email) = ${email} order by created_at`) : [];
  // Mail to them: to any address their records carry.
  const { rows: addr } = await q.execute<{ a: string }>(sql`
    select distinct lower(x) as a from (
      select ${email}::text as x
      union all select complainant_email from complaints where id = any(${`{${complaintIds.join(",")}}`}::uuid[])
      union all select email from appointments where id = any(${`{${appointmentIds.join(",")}}`}::uuid[])) s
    where x is not null`);
  const addresses = addr.map((r) => r.a);
  const outboxIds = addresses.length
    ? await ids<string>(sql`select id from outbound_emails where lower(to_address) = any(${textArray(addresses)}) order by created_at`)
    : [];
  return { ticketIds, callIds: callIds.map(Number), appointmentIds, complaintIds, slotAlertIds, outboxIds, addresses };
}

async function customerOr404(q: DbOrTx, id: string, lock = false): Promise<CustomerRow> {
  const rows = lock
    ? await q.select().from(customers).where(eq(customers.id, id)).for("update")
    : await q.select().from(customers).where(eq(customers.id, id));
  if (!rows[0]) throw notFound("Customer");
  return rows[0];
}

/** Open cases block an erasure: the IND still has to answer, decide or receive the person. */
async function openCases(q: DbOrTx, scope: Awaited<ReturnType<typeof subjectScope>>) {
  const { rows } = await q.execute<{ tickets: number; complaints: number; appointments: number }>(sql`
    select
      (select count(*) from tickets where id = any(${`{${scope.ticketIds.join(",")}}`}::uuid[]) and status in ('new','open','pending') and merged_into_id is null)::int as tickets,
      (select count(*) from complaints where id = any(${`{${scope.complaintIds.join(",")}}`}::uuid[]) and status <> 'closed')::int as complaints,
      (select count(*) from appointments where id = any(${`{${scope.appointmentIds.join(",")}}`}::uuid[]) and status = 'booked' and starts_at > now())::int as appointments`);
  return rows[0];
}

/** One person as the admin page shows it before an export or an erasure. */
export async function customerOverview(actor: Actor | null, id: string) {
  const a = requirePermission(actor, "administer");
  const c = await customerOr404(db, id);
  const scope = await subjectScope(db, c);
  const [summary] = await summaries(db, [c]);
  const open = await openCases(db, scope);
  await auditRead(a, { entityType: "customer", id, customers: [id], purpose: "admin_customer_view" });
  return {
    ...summary,
    records: {
      tickets: scope.ticketIds.length,
      calls: scope.callIds.length,
      appointments: scope.appointmentIds.length,
      complaints: scope.complaintIds.length,
      slotAlerts: scope.slotAlertIds.length,
      outboxMails: scope.outboxIds.length,
    },
    openCases: open,
  };
}

// ---- Export (AVG art. 15) ----------------------------------------------------------------------------------

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * All records of one person, as plain objects per record type. Files (attachments) are listed with name,
 * type, size and SHA-256 here; the CSV export (a zip) carries the files themselves. The access log part gives
 * when and why their data was read (not by whom: CJEU C-579/21 asks for the dates and purposes).
 */
export async function subjectExport(actor: Actor | null, id: string, format: "json" | "csv") {
  const a = requirePermission(actor, "administer");
  const c = await customerOr404(db, id);
  const scope = await subjectScope(db, c);
  const [ts, msgs, tAtts, cs, aps, cps, letters, cAtts, alerts, mails, reads] = await Promise.all([
    db
      .select()
      .from(tickets)
      .where(inArray(tickets.id, nonEmpty(scope.ticketIds)))
      .orderBy(asc(tickets.createdAt)),
    db
      .select({
        id: ticketMessages.id,
        ticketId: ticketMessages.ticketId,
        direction: ticketMessages.direction,
        authorLabel: ticketMessages.authorLabel,
        fromAddress: ticketMessages.fromAddress,
        fromName: ticketMessages.fromName,
        toAddress: ticketMessages.toAddress,
        subject: ticketMessages.subject,
        textBody: ticketMessages.textBody,
        createdAt: ticketMessages.createdAt,
      })
      .from(ticketMessages)
      .where(inArray(ticketMessages.ticketId, nonEmpty(scope.ticketIds)))
      .orderBy(asc(ticketMessages.createdAt)),
    db
      .select({
        id: ticketAttachments.id,
        messageId: ticketAttachments.messageId,
        filename: ticketAttachments.filename,
        contentType: ticketAttachments.contentType,
        size: ticketAttachments.size,
        sha256: ticketAttachments.sha256,
        ticketId: ticketMessages.ticketId,
      })
      .from(ticketAttachments)
      .innerJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
      .where(inArray(ticketMessages.ticketId, nonEmpty(scope.ticketIds))),
    db
      .select()
      .from(calls)
      .where(inArray(calls.id, scope.callIds.length ? scope.callIds : [-1]))
      .orderBy(asc(calls.offeredAt)),
    db
      .select()
      .from(appointments)
      .where(inArray(appointments.id, nonEmpty(scope.appointmentIds)))
      .orderBy(asc(appointments.startsAt)),
    db
      .select()
      .from(complaints)
      .where(inArray(complaints.id, nonEmpty(scope.complaintIds)))
      .orderBy(asc(complaints.receivedOn)),
    db
      .select()
      .from(complaintLetters)
      .where(inArray(complaintLetters.complaintId, nonEmpty(scope.complaintIds)))
      .orderBy(asc(complaintLetters.createdAt)),
    db
      .select({
        id: complaintAttachments.id,
        complaintId: complaintAttachments.complaintId,
        filename: complaintAttachments.filename,
        contentType: complaintAttachments.contentType,
        size: complaintAttachments.size,
        sha256: complaintAttachments.sha256,
      })
      .from(complaintAttachments)
      .where(inArray(complaintAttachments.complaintId, nonEmpty(scope.complaintIds))),
    db
      .select()
      .from(slotAlerts)
      .where(inArray(slotAlerts.id, nonEmpty(scope.slotAlertIds)))
      .orderBy(asc(slotAlerts.createdAt)),
    db
      .select()
      .from(outboundEmails)
      .where(inArray(outboundEmails.id, nonEmpty(scope.outboxIds)))
      .orderBy(asc(outboundEmails.createdAt)),
    db.execute<{ at: Date; entity_type: string; entity_id: string; purpose: string | null }>(sql`
      select at, entity_type, entity_id, data->>'purpose' as purpose from events
      where action = 'read' and data->'customers' ? ${c.id} order by at desc limit 10000`),
  ]);
  const records = {
    exportedAt: new Date().toISOString(),
    customer: {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      vNumber: c.vNumber,
      language: c.language,
      createdAt: iso(c.createdAt),
      anonymisedAt: iso(c.anonymisedAt),
    },
    tickets: ts.map((t) => ({
      reference: `KIC-${t.number}`,
      number: t.number,
      subject: t.subject,
      queue: t.queue,
      status: t.status,
      channel: t.channel,
      language: t.language,
      createdAt: iso(t.createdAt),
      firstRespondedAt: iso(t.firstRespondedAt),
      solvedAt: iso(t.solvedAt),
      closedAt: iso(t.closedAt),
      anonymisedAt: iso(t.anonymisedAt),
    })),
    ticketMessages: msgs.map((m) => ({
      ticket: `KIC-${ts.find((t) => t.id === m.ticketId)?.number ?? ""}`,
      id: m.id,
      direction: m.direction,
      author: m.direction === "in" ? m.fromName : m.authorLabel,
      fromAddress: m.fromAddress,
      toAddress: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      createdAt: iso(m.createdAt),
    })),
    ticketAttachments: tAtts.map((x) => ({
      ticket: `KIC-${ts.find((t) => t.id === x.ticketId)?.number ?? ""}`,
      id: x.id,
      messageId: x.messageId,
      filename: x.filename,
      contentType: x.contentType,
      size: x.size,
      sha256: x.sha256,
    })),
    calls: cs.map((k) => ({
      id: k.id,
      direction: k.direction,
      queue: k.queue,
      from: k.fromNumber,
      to: k.toNumber,
      offeredAt: iso(k.offeredAt),
      answeredAt: iso(k.answeredAt),
      endedAt: iso(k.endedAt),
      waitSeconds: k.waitSeconds,
      talkSeconds: k.talkSeconds,
      result: k.result,
      topic: k.topic,
      notes: k.notes,
      callbackWanted: k.callbackWanted,
      callbackOutcome: k.callbackOutcome,
    })),
    appointments: aps.map((x) => ({
      reference: x.reference,
      desk: x.deskCode,
      product: x.productKey,
      start: iso(x.startsAt),
      end: iso(x.endsAt),
      persons: x.personList,
      email: x.email,
      phone: x.phone,
      language: x.language,
      status: x.status,
      createdAt: iso(x.createdAt),
      cancelledAt: iso(x.cancelledAt),
      checkedInAt: iso(x.checkedInAt),
      completedAt: iso(x.completedAt),
    })),
    complaints: cps.map((x) => ({
      reference: x.reference,
      channel: x.channel,
      receivedOn: x.receivedOn,
      status: x.status,
      name: x.complainantName,
      email: x.complainantEmail,
      address: x.complainantAddress,
      phone: x.complainantPhone,
      vNumber: x.vNumber,
      description: x.description,
      happenedWhen: x.happenedWhen,
      subject: x.subject,
      deadline: x.deadline,
      acknowledgedOn: x.acknowledgedOn,
      postponedUntil: x.postponedUntil,
      declinedOn: x.declinedOn,
      declineReason: x.declineReason,
      informalOn: x.informalOn,
      informalNote: x.informalNote,
      hearingOn: x.hearingOn,
      hearingReport: x.hearingReport,
      outcome: x.outcome,
      decisionReasons: x.decisionReasons,
      decidedOn: x.decidedOn,
      closedAs: x.closedAs,
      closedOn: x.closedOn,
    })),
    complaintLetters: letters.map((l) => ({
      complaint: cps.find((x) => x.id === l.complaintId)?.reference ?? null,
      id: l.id,
      kind: l.kind,
      recipient: l.recipient,
      delivery: l.delivery,
      toAddress: l.toAddress,
      subject: l.subject,
      body: l.body,
      sentOn: l.sentOn,
    })),
    complaintAttachments: cAtts.map((x) => ({
      complaint: cps.find((p) => p.id === x.complaintId)?.reference ?? null,
      id: x.id,
      filename: x.filename,
      contentType: x.contentType,
      size: x.size,
      sha256: x.sha256,
    })),
    slotAlerts: alerts.map((x) => ({
      id: x.id,
      email: x.email,
      product: x.productKey,
      persons: x.persons,
      desks: x.deskCodes,
      before: x.before,
      status: x.status,
      createdAt: iso(x.createdAt),
      endedAt: iso(x.endedAt),
    })),
    outboxMails: mails.map((m) => ({
      id: m.id,
      to: m.toAddress,
      toName: m.toName,
      subject: m.subject,
      text: m.textBody,
      kind: m.kind,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      attachments: m.attachments.map((x) => x.filename),
    })),
    accessLog: reads.rows.map((r) => ({
      at: iso(new Date(r.at)),
      purpose: r.purpose,
      recordType: r.entity_type,
      record: r.entity_id.startsWith("list:") ? null : r.entity_id,
    })),
  };
  await auditRead(a, { entityType: "customer", id, customers: [id], purpose: "subject_export", filters: { format } });
  return records;
}

function nonEmpty(ids: readonly string[]): string[] {
  return ids.length ? [...ids] : ["00000000-0000-0000-0000-000000000000"];
}

/** The files of the person's tickets and complaints, for the zip. */
export async function subjectFiles(id: string) {
  const c = await customerOr404(db, id);
  const scope = await subjectScope(db, c);
  const [t, k] = await Promise.all([
    db
      .select({ id: ticketAttachments.id, filename: ticketAttachments.filename, content: ticketAttachments.content })
      .from(ticketAttachments)
      .innerJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
      .where(inArray(ticketMessages.ticketId, nonEmpty(scope.ticketIds))),
    db
      .select({ id: complaintAttachments.id, filename: complaintAttachments.filename, content: complaintAttachments.data })
      .from(complaintAttachments)
      .where(inArray(complaintAttachments.complaintId, nonEmpty(scope.complaintIds))),
  ]);
  return [...t, ...k];
}

// ---- Erasure (AVG art. 17) ---------------------------------------------------------------------------------

export const eraseSchema = z.object({ confirm: z.literal(true, "confirm the erasure with true") });

export type ErasureCounts = {
  tickets: number;
  calls: number;
  appointments: number;
  complaints: number;
  slotAlerts: number;
  outboxMails: number;
  customers: number;
};

/**
 * Anonymises one person everywhere, in one transaction: the customer row and every record of theirs (the same
 * scope as the export), by the same anonymisation as the retention job, so the dashboards' totals stay.
 * Refused (422 `open_cases`) while a ticket is open, a complaint undecided or a visit still to come: the IND
 * first answers, decides or cancels (AVG art. 17(3)(b): the legal duty to handle them comes first).
 * Mail still queued to them is cancelled. Recorded in the event log with its counts (no personal data).
 */
export async function eraseCustomer(actor: Actor | null, id: string, input: unknown): Promise<{ id: string; counts: ErasureCounts }> {
  const a = requirePermission(actor, "administer");
  const parsed = eraseSchema.safeParse(input);
  if (!parsed.success) throw badRequest("Confirm the erasure", { confirm: "confirm the erasure with true" });
  return db.transaction(async (tx) => {
    const c = await customerOr404(tx, id, true);
    const scope = await subjectScope(tx, c);
    const open = await openCases(tx, scope);
    if (open.tickets || open.complaints || open.appointments) {
      const fields: Record<string, string> = {};
      if (open.tickets) fields.tickets = `${open.tickets} open ticket(s): solve or close them first`;
      if (open.complaints) fields.complaints = `${open.complaints} complaint(s) not closed: decide them first (Awb 9:12)`;
      if (open.appointments) fields.appointments = `${open.appointments} future booking(s): cancel them first`;
      throw new AppError(422, "open_cases", "This person still has open cases; finish them before erasing", fields);
    }
    // Queued mail to them would otherwise still go out; the outbox worker only sends 'queued'.
    await tx.execute(sql`update outbound_emails set status = 'failed', last_error = 'cancelled: erasure request'
      where status = 'queued' and id = any(${`{${scope.outboxIds.join(",")}}`}::uuid[])`);
    const counts: ErasureCounts = {
      tickets: await anonymiseTickets(tx, scope.ticketIds),
      calls: await anonymiseCalls(tx, scope.callIds),
      appointments: await anonymiseAppointments(tx, scope.appointmentIds),
      complaints: await anonymiseComplaints(tx, scope.complaintIds),
      slotAlerts:
        (await tx.execute(sql`delete from slot_alerts where id = any(${`{${scope.slotAlertIds.join(",")}}`}::uuid[])`)).rowCount ?? 0,
      outboxMails: await anonymiseOutbox(tx, scope.outboxIds),
      customers: await anonymiseCustomers(tx, [c.id]),
    };
    if (scope.addresses.length) await tx.execute(sql`delete from ticket_acks where sender = any(${textArray(scope.addresses)})`);
    await recordEvent(tx, a, "customer", c.id, "erased", { counts });
    return { id: c.id, counts };
  });
}
