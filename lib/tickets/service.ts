import "server-only";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, type Tx } from "@/db/client";
import {
  customers,
  events,
  outboundEmails,
  savedReplies,
  ticketAttachments,
  ticketMessages,
  ticketPresence,
  tickets,
  users,
} from "@/db/schema";
import type { TicketQueue, TicketStatus } from "@/db/schema/tickets";
import { CAN, requirePermission, type Actor } from "@/lib/auth/roles";
import { resolveCustomer } from "@/lib/customers";
import { mailboxes } from "@/lib/env";
import { AppError, badRequest, notFound, ruleViolation } from "@/lib/errors";
import { queueEmail, newMessageId, wakeOutbox } from "@/lib/mail/outbox";
import { customerHistory } from "@/lib/platform/customer-history";
import { recordEvent } from "@/lib/platform/events";
import { isComplaintQueue, ticketQueuesFor } from "./access";
import { auditRead } from "@/lib/privacy";
import { replySubject } from "./rules";
import { hasRemoteImages, sanitizeEmailHtml, textToHtml } from "./sanitize";
import type { createTicketSchema, ListQuery, patchSchema, replySchema } from "./schemas";
import { businessCalendar, slaTargets } from "./settings";
import { resumeDueTime, slaDueTimes, slaState, type BusinessCalendar } from "./sla";

type Ticket = typeof tickets.$inferSelect;

/** The queues the actor may read (lib/tickets/access.ts): complaint mail only for the complaints team and up. */
function visibleQueues(actor: Actor): TicketQueue[] {
  return ticketQueuesFor(actor.role);
}

// ---- Inbox ---------------------------------------------------------------------------------------------

/** The inbox: filters, sort by due, and the counts of unassigned and overdue (of the visible queues). */
export async function listTickets(actor: Actor | null, q: ListQuery, now = new Date()) {
  const a = requirePermission(actor, "readTickets");
  const queues = (q.queue ?? visibleQueues(a)).filter((x) => visibleQueues(a).includes(x));
  if (!queues.length) return { items: [], counts: { total: 0, unassigned: 0, overdue: 0 } };
  const statuses: TicketStatus[] =
    q.status === "all" ? ["new", "open", "pending", "solved", "closed"] : q.status?.length ? q.status : ["new", "open", "pending"];
  const due = sql`(case when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end)`;
  const overdueCond = sql`(t.status in ('new','open') and ${due} < ${now})`;
  const conds = [sql`t.queue in ${queues}`, sql`t.status in ${statuses}`, sql`t.merged_into_id is null`];
  if (q.assignee === "me") conds.push(sql`t.assignee_id = ${a.kind === "user" ? a.id : null}`);
  else if (q.assignee === "none") conds.push(sql`t.assignee_id is null`);
  else if (q.assignee) conds.push(sql`t.assignee_id = ${q.assignee}`);
  if (q.q) {
    const num = q.q.match(/^(?:KIC-?)?(\d{1,9})$/i);
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      num
        ? sql`t.number = ${Number(num[1])}`
        : // each arm can use its own trigram index (a custom migration, db/migrations/0013); an OR across the joins could not
          sql`t.id in (
              select id from tickets where subject ilike ${like}
              union select ticket_id from ticket_messages where text_body ilike ${like}
              union select t2.id from customers c2 join tickets t2 on t2.customer_id = c2.id
                where (coalesce(c2.name, '') || ' ' || coalesce(c2.email, '')) ilike ${like})`,
    );
  }
  const base = sql.join(conds, sql` and `);
  const where = q.overdue ? sql`${base} and ${overdueCond}` : base;
  const order =
    q.sort === "updated"
      ? sql`t.last_message_at desc`
      : q.sort === "created"
        ? sql`t.created_at desc`
        : sql`(t.status in ('pending','solved','closed')), ${due} asc nulls last, t.number asc`;
  const [rows, counts] = await Promise.all([
    db.execute<{
      number: number;
      subject: string;
      queue: string;
      status: string;
      priority: string;
      tags: string[];
      channel: string;
      assignee_id: string | null;
      assignee_name: string | null;
      customer_id: string | null;
      customer_name: string | null;
      customer_email: string | null;
      first_response_due_at: Date | null;
      resolution_due_at: Date | null;
      first_responded_at: Date | null;
      due_at: Date | null;
      last_message_at: Date;
      created_at: Date;
      parse_failed: boolean;
    }>(sql`
      select t.number, t.subject, t.queue, t.status, t.priority, t.tags, t.channel, t.assignee_id, u.name as assignee_name,
             t.customer_id, c.name as customer_name, c.email as customer_email, t.first_response_due_at, t.resolution_due_at,
             t.first_responded_at, ${due} as due_at, t.last_message_at, t.created_at, t.parse_failed
      from tickets t left join customers c on c.id = t.customer_id left join users u on u.id = t.assignee_id
      where ${where} order by ${order} limit ${q.limit} offset ${q.offset}`),
    db.execute<{ total: number; unassigned: number; overdue: number }>(sql`
      select count(*) filter (where ${q.overdue ? overdueCond : sql`true`})::int as total,
             count(*) filter (where t.assignee_id is null and t.status in ('new','open'))::int as unassigned,
             count(*) filter (where ${overdueCond})::int as overdue
      from tickets t left join customers c on c.id = t.customer_id where ${base}`),
  ]);
  const cal = await businessCalendar(db, now);
  const { q: search, ...filters } = q;
  await auditRead(a, {
    entityType: "ticket",
    ids: rows.rows.map((r) => r.number),
    customers: rows.rows.map((r) => r.customer_id),
    purpose: "inbox",
    filters,
    search,
    dedupeMinutes: 10,
  });
  return {
    items: rows.rows.map((r) => ({
      number: r.number,
      reference: `KIC-${r.number}`,
      subject: r.subject,
      queue: r.queue,
      status: r.status,
      priority: r.priority,
      tags: r.tags,
      channel: r.channel,
      parseFailed: r.parse_failed,
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
      customer: { name: r.customer_name, email: r.customer_email },
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      sla: slaState(
        cal,
        {
          status: r.status,
          firstResponseDueAt: r.first_response_due_at && new Date(r.first_response_due_at),
          resolutionDueAt: r.resolution_due_at && new Date(r.resolution_due_at),
          firstRespondedAt: r.first_responded_at && new Date(r.first_responded_at),
        },
        now,
      ),
      lastMessageAt: new Date(r.last_message_at).toISOString(),
      createdAt: new Date(r.created_at).toISOString(),
    })),
    counts: counts.rows[0],
  };
}

// ---- One ticket ------------------------------------------------------------------------------------------

async function visibleTicket(tx: Tx | typeof db, actor: Actor, number: number, forUpdate = false): Promise<Ticket> {
  if (forUpdate) await tx.execute(sql`select 1 from tickets where number = ${number} for update`);
  const [t] = await tx.select().from(tickets).where(eq(tickets.number, number));
  if (!t || !visibleQueues(actor).includes(t.queue)) throw notFound(`Ticket KIC-${number}`);
  return t;
}

/** A ticket the actor may change: visible, and not complaint mail (that is handled in the complaint file). */
async function writableTicket(tx: Tx | typeof db, actor: Actor, number: number, forUpdate = false): Promise<Ticket> {
  const t = await visibleTicket(tx, actor, number, forUpdate);
  if (isComplaintQueue(t.queue))
    throw ruleViolation("complaint_mail", `KIC-${number} is mail to the complaints mailbox; it is handled in its complaint file`);
  return t;
}

/** A ticket with its thread, the customer's history and the audit trail; the read is audit-logged. */
export async function getTicket(actor: Actor | null, number: number, opts: { showImages?: boolean; now?: Date } = {}) {
  const a = requirePermission(actor, "readTickets");
  const now = opts.now ?? new Date();
  const t = await visibleTicket(db, a, number);
  const [msgs, atts, customer, assignee, trail, outbox, linked] = await Promise.all([
    db
      .select({
        id: ticketMessages.id,
        direction: ticketMessages.direction,
        authorLabel: ticketMessages.authorLabel,
        fromAddress: ticketMessages.fromAddress,
        fromName: ticketMessages.fromName,
        toAddress: ticketMessages.toAddress,
        subject: ticketMessages.subject,
        textBody: ticketMessages.textBody,
        htmlRaw: ticketMessages.htmlRaw,
        messageId: ticketMessages.messageId,
        parseFailed: ticketMessages.parseFailed,
        ticketVersion: ticketMessages.ticketVersion,
        outboundEmailId: ticketMessages.outboundEmailId,
        createdAt: ticketMessages.createdAt,
        hasRaw: sql<boolean>`${ticketMessages.rawSource} is not null`,
        authResults: ticketMessages.authResults,
      })
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, t.id))
      .orderBy(asc(ticketMessages.createdAt)),
    db
      .select({
        id: ticketAttachments.id,
        messageId: ticketAttachments.messageId,
        filename: ticketAttachments.filename,
        contentType: ticketAttachments.contentType,
        size: ticketAttachments.size,
        sha256: ticketAttachments.sha256,
      })
      .from(ticketAttachments)
      .innerJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
      .where(eq(ticketMessages.ticketId, t.id)),
    t.customerId
      ? db
          .select()
          .from(customers)
          .where(eq(customers.id, t.customerId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    t.assigneeId
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.id, t.assigneeId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    db
      .select()
      .from(events)
      .where(and(eq(events.entityType, "ticket"), eq(events.entityId, t.id)))
      .orderBy(desc(events.at))
      .limit(100),
    db
      .select({ id: outboundEmails.id, status: outboundEmails.status, lastError: outboundEmails.lastError, sentAt: outboundEmails.sentAt })
      .from(outboundEmails)
      .where(and(eq(outboundEmails.contextType, "ticket"), eq(outboundEmails.contextId, t.id))),
    db
      .select({ id: tickets.id, number: tickets.number })
      .from(tickets)
      .where(sql`${tickets.id} in (${t.linkedTicketId ?? sql`null`}, ${t.mergedIntoId ?? sql`null`})`),
  ]);
  const history = customer ? await customerHistory(a, customer.id) : [];
  const complaint = isComplaintQueue(t.queue) ? await complaintOfTicket(t.id) : null;
  // The ticket page polls every few seconds: one access-log row per agent, ticket and ten minutes.
  await auditRead(a, { entityType: "ticket", id: t.number, customers: [customer?.id], purpose: "ticket_view", dedupeMinutes: 10 });
  const cal = await businessCalendar(db, now);
  const outboxById = new Map(outbox.map((o) => [o.id, o]));
  const numberOf = (id: string | null) => linked.find((l) => l.id === id)?.number ?? null;
  return {
    number: t.number,
    reference: `KIC-${t.number}`,
    subject: t.subject,
    queue: t.queue,
    status: t.status,
    priority: t.priority,
    tags: t.tags,
    channel: t.channel,
    mailbox: t.mailbox,
    language: t.language,
    parseFailed: t.parseFailed,
    version: t.version,
    assignee,
    customer: customer && {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      vNumber: customer.vNumber,
      language: customer.language,
    },
    firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
    resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
    firstRespondedAt: t.firstRespondedAt?.toISOString() ?? null,
    sla: slaState(cal, t, now),
    linkedTicket: numberOf(t.linkedTicketId),
    /** Complaint mail is read-only here; `complaint` is the file it became (null if none). */
    readOnly: isComplaintQueue(t.queue),
    complaint,
    mergedInto: numberOf(t.mergedIntoId),
    createdAt: t.createdAt.toISOString(),
    messages: msgs.map((m) => {
      const o = m.outboundEmailId ? outboxById.get(m.outboundEmailId) : undefined;
      return {
        id: m.id,
        direction: m.direction,
        author: m.direction === "in" ? m.fromName || m.fromAddress : m.authorLabel,
        fromAddress: m.fromAddress,
        toAddress: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        html: m.htmlRaw ? sanitizeEmailHtml(m.htmlRaw, { showImages: opts.showImages }) : null,
        remoteImages: !!m.htmlRaw && hasRemoteImages(m.htmlRaw),
        parseFailed: m.parseFailed,
        hasRaw: m.hasRaw,
        authResults: m.direction === "in" ? (m.authResults ?? null) : null,
        version: m.ticketVersion,
        delivery: o ? { status: o.status, error: o.lastError, sentAt: o.sentAt?.toISOString() ?? null } : null,
        attachments: atts.filter((x) => x.messageId === m.id).map(({ messageId: _m, ...x }) => x),
        createdAt: m.createdAt.toISOString(),
      };
    }),
    history: history.filter((h) => !(h.type === "ticket" && h.reference === `KIC-${t.number}`)),
    audit: trail.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, action: e.action, data: e.data })),
  };
}

/** The complaint made from a complaint-mail ticket's first message (lib/complaints links it by message id). */
async function complaintOfTicket(ticketId: string): Promise<{ reference: string } | null> {
  const { rows } = await db.execute<{ reference: string }>(sql`
    select c.reference from complaints c join ticket_messages m on c.inbound_message_id = m.id::text where m.ticket_id = ${ticketId} order by c.created_at limit 1`);
  return rows[0] ?? null;
}

// ---- Changes -------------------------------------------------------------------------------------------

/** The columns a status change sets: pending stops the SLA clock, leaving pending restarts it. */
function statusChange(cal: BusinessCalendar, t: Ticket, next: TicketStatus, now: Date): Partial<typeof tickets.$inferInsert> {
  if (next === t.status) return {};
  const set: Partial<typeof tickets.$inferInsert> = { status: next };
  if (next === "pending" && t.status !== "pending") set.pausedAt = now;
  if (t.status === "pending" && next !== "pending" && t.pausedAt) {
    set.pausedAt = null;
    if (!t.firstRespondedAt) set.firstResponseDueAt = resumeDueTime(cal, t.firstResponseDueAt, t.pausedAt, now);
    set.resolutionDueAt = resumeDueTime(cal, t.resolutionDueAt, t.pausedAt, now);
  }
  if (next === "solved") set.solvedAt = now;
  if (next === "closed") set.closedAt = now;
  if (next === "open" || next === "new" || next === "pending") {
    set.solvedAt = null;
    set.closedAt = null;
  }
  return set;
}

function staleCheck(t: Ticket, expected: number | undefined, newer: { direction: string; author: string | null; at: Date }[]) {
  if (expected === undefined || expected === t.version) return;
  const what = newer.map(
    (n) => `${n.direction === "in" ? "new customer message" : n.direction === "note" ? "new note" : "new reply"} from ${n.author ?? "?"}`,
  );
  throw new AppError(
    409,
    "stale_ticket",
    `The ticket changed since you opened it${what.length ? `: ${what.join("; ")}` : ""}. Check it, then send again.`,
    {
      currentVersion: String(t.version),
      expectedVersion: String(expected),
      newMessages: String(newer.length),
      status: t.status,
    },
  );
}

async function newerMessages(tx: Tx, ticketId: string, since: number | undefined) {
  if (since === undefined) return [];
  return tx
    .select({
      direction: ticketMessages.direction,
      author: sql<string | null>`coalesce(${ticketMessages.fromName}, ${ticketMessages.fromAddress}, ${ticketMessages.authorLabel})`,
      at: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticketId), gt(ticketMessages.ticketVersion, since)));
}

/**
 * An agent's reply: the message row and the outbox email in one transaction, From the mailbox, subject with
 * [KIC-n], our Message-ID, In-Reply-To/References to the customer's last message. A reply written against an
 * older version of the ticket is refused (409 stale_ticket) with what changed.
 */
export async function replyToTicket(actor: Actor | null, number: number, input: z.infer<typeof replySchema>, now = new Date()) {
  const a = requirePermission(actor, "workTickets");
  const res = await db.transaction(async (tx) => {
    const t = await writableTicket(tx, a, number, true);
    staleCheck(t, input.expectedVersion, await newerMessages(tx, t.id, input.expectedVersion));
    const [customer] = t.customerId ? await tx.select().from(customers).where(eq(customers.id, t.customerId)) : [];
    if (!customer?.email) throw ruleViolation("no_customer_address", "This ticket has no customer email address to reply to");
    const [last] = await tx
      .select({ messageId: ticketMessages.messageId, references: ticketMessages.references })
      .from(ticketMessages)
      .where(and(eq(ticketMessages.ticketId, t.id), eq(ticketMessages.direction, "in")))
      .orderBy(desc(ticketMessages.createdAt))
      .limit(1);
    const references = last?.messageId ? [last.references, last.messageId].filter(Boolean).join(" ") : null;
    const from = t.mailbox ?? "kic@ind.example";
    const subject = replySubject(t.subject, t.number);
    const messageId = newMessageId();
    const out = await queueEmail(tx, {
      to: customer.email,
      toName: customer.name,
      from,
      subject,
      text: input.body,
      html: textToHtml(input.body),
      language: t.language as "nl" | "en",
      kind: "ticket.reply",
      contextType: "ticket",
      contextId: t.id,
      inReplyTo: last?.messageId ?? null,
      references,
      messageId,
    });
    const cal = await businessCalendar(tx, now);
    const next = input.status ?? "pending";
    const [u] = await tx
      .update(tickets)
      .set({
        ...statusChange(cal, t, next, now),
        firstRespondedAt: t.firstRespondedAt ?? now,
        assigneeId: t.assigneeId ?? (a.kind === "user" ? a.id : null),
        version: sql`${tickets.version} + 1`,
        lastMessageAt: now,
        updatedAt: now,
      })
      .where(eq(tickets.id, t.id))
      .returning({ version: tickets.version });
    const [msg] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: t.id,
        direction: "out",
        authorId: a.kind === "user" ? a.id : null,
        authorLabel: a.name,
        fromAddress: from,
        toAddress: customer.email,
        subject,
        textBody: input.body,
        messageId,
        inReplyTo: last?.messageId ?? null,
        references,
        ticketVersion: u.version,
        outboundEmailId: out.id,
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    await recordEvent(tx, a, "ticket", t.id, "replied", { messageId, status: next, version: u.version });
    return { id: msg.id, messageId, version: u.version, status: next };
  });
  await wakeOutbox();
  return res;
}

export async function addNote(actor: Actor | null, number: number, body: string, now = new Date()) {
  const a = requirePermission(actor, "workTickets");
  return db.transaction(async (tx) => {
    const t = await writableTicket(tx, a, number, true);
    const [u] = await tx
      .update(tickets)
      .set({ version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, t.id))
      .returning({ version: tickets.version });
    const [msg] = await tx
      .insert(ticketMessages)
      .values({
        ticketId: t.id,
        direction: "note",
        authorId: a.kind === "user" ? a.id : null,
        authorLabel: a.name,
        textBody: body,
        ticketVersion: u.version,
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    await recordEvent(tx, a, "ticket", t.id, "note_added", { version: u.version });
    return { id: msg.id, version: u.version };
  });
}

export async function updateTicket(actor: Actor | null, number: number, input: z.infer<typeof patchSchema>, now = new Date()) {
  const a = requirePermission(actor, "workTickets");
  return db.transaction(async (tx) => {
    const t = await writableTicket(tx, a, number, true);
    staleCheck(t, input.expectedVersion, await newerMessages(tx, t.id, input.expectedVersion));
    if (input.assignee) {
      const [u] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, input.assignee));
      if (!u || !u.active || !(CAN.workTickets as readonly string[]).includes(u.role))
        throw badRequest("This user cannot work tickets", { assignee: "not an agent" });
    }
    const cal = await businessCalendar(tx, now);
    const set: Partial<typeof tickets.$inferInsert> = {
      ...(input.status ? statusChange(cal, t, input.status, now) : {}),
      ...(input.queue ? { queue: input.queue } : {}),
      ...(input.assignee !== undefined ? { assigneeId: input.assignee } : {}),
      ...(input.priority ? { priority: input.priority } : {}),
      ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
    };
    const [u] = await tx
      .update(tickets)
      .set({ ...set, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, t.id))
      .returning();
    const changes: Record<string, unknown> = {};
    for (const k of ["status", "queue", "assignee", "priority", "tags"] as const) if (input[k] !== undefined) changes[k] = input[k];
    await recordEvent(tx, a, "ticket", t.id, "updated", {
      ...changes,
      from: { status: t.status, queue: t.queue, assignee: t.assigneeId },
      version: u.version,
    });
    return {
      number: u.number,
      status: u.status,
      queue: u.queue,
      assigneeId: u.assigneeId,
      tags: u.tags,
      priority: u.priority,
      version: u.version,
    };
  });
}

/** Merges a ticket into another: its messages move over, it is closed and points at the target. */
export async function mergeTickets(actor: Actor | null, number: number, into: number, now = new Date()) {
  const a = requirePermission(actor, "workTickets");
  if (number === into) throw badRequest("A ticket cannot be merged into itself", { into: "same ticket" });
  return db.transaction(async (tx) => {
    // Lock both in number order so that two opposite merges cannot deadlock.
    await tx.execute(sql`select 1 from tickets where number in (${number}, ${into}) order by number for update`);
    const src = await writableTicket(tx, a, number);
    const dst = await writableTicket(tx, a, into);
    if (src.mergedIntoId) throw ruleViolation("already_merged", `KIC-${number} is already merged`);
    if (dst.mergedIntoId) throw ruleViolation("target_merged", `KIC-${into} was merged into another ticket`, { into: "merged ticket" });
    await tx.update(ticketMessages).set({ ticketId: dst.id }).where(eq(ticketMessages.ticketId, src.id));
    await tx
      .update(tickets)
      .set({ status: "closed", closedAt: now, mergedIntoId: dst.id, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, src.id));
    const [d] = await tx
      .update(tickets)
      .set({
        version: sql`${tickets.version} + 1`,
        updatedAt: now,
        lastMessageAt: sql`greatest(${tickets.lastMessageAt}, ${src.lastMessageAt})`,
      })
      .where(eq(tickets.id, dst.id))
      .returning({ version: tickets.version });
    await recordEvent(tx, a, "ticket", src.id, "merged_into", { into });
    await recordEvent(tx, a, "ticket", dst.id, "merged_from", { from: number, version: d.version });
    return { number: into, mergedFrom: number };
  });
}

// ---- Presence --------------------------------------------------------------------------------------------

/** Heartbeat of the ticket page; returns the others who have the ticket open (seen in the last 20 s). */
export async function touchPresence(actor: Actor | null, number: number, typing: boolean) {
  const a = requirePermission(actor, "readTickets");
  const t = await visibleTicket(db, a, number);
  if (a.kind === "user") {
    await db
      .insert(ticketPresence)
      .values({ ticketId: t.id, userId: a.id, typing, seenAt: new Date() })
      .onConflictDoUpdate({ target: [ticketPresence.ticketId, ticketPresence.userId], set: { typing, seenAt: new Date() } });
  }
  const others = await db
    .select({ userId: ticketPresence.userId, name: users.name, typing: ticketPresence.typing, seenAt: ticketPresence.seenAt })
    .from(ticketPresence)
    .innerJoin(users, eq(users.id, ticketPresence.userId))
    .where(
      and(
        eq(ticketPresence.ticketId, t.id),
        sql`${ticketPresence.seenAt} > now() - interval '20 seconds'`,
        sql`${ticketPresence.userId} <> ${a.kind === "user" ? a.id : "00000000-0000-0000-0000-000000000000"}`,
      ),
    );
  return { version: t.version, others: others.map((o) => ({ name: o.name, typing: o.typing })) };
}

export async function leavePresence(actor: Actor | null, number: number) {
  const a = requirePermission(actor, "readTickets");
  const t = await visibleTicket(db, a, number);
  if (a.kind === "user") await db.delete(ticketPresence).where(and(eq(ticketPresence.ticketId, t.id), eq(ticketPresence.userId, a.id)));
  return { ok: true };
}

// ---- Manual / phone tickets ---------------------------------------------------------------------------

export async function createManualTicket(actor: Actor | null, input: z.infer<typeof createTicketSchema>, now = new Date()) {
  const a = requirePermission(actor, "workTickets");
  if (!visibleQueues(a).includes(input.queue)) throw badRequest("You cannot create tickets in this queue", { queue: "not your queue" });
  return db.transaction(async (tx) => {
    let customerId = input.customerId ?? null;
    let language: "nl" | "en" = input.language ?? "nl";
    if (customerId) {
      const [c] = await tx.select().from(customers).where(eq(customers.id, customerId));
      if (!c) throw badRequest("Unknown customer", { customerId: "not found" });
      language = input.language ?? (c.language as "nl" | "en");
    } else if (input.customerEmail) {
      customerId = (await resolveCustomer(tx, { email: input.customerEmail, name: input.customerName || null, language }))?.id ?? null;
    }
    const cal = await businessCalendar(tx, now);
    const due = slaDueTimes(cal, now, await slaTargets(tx));
    const [t] = await tx
      .insert(tickets)
      .values({
        subject: input.subject,
        queue: input.queue,
        status: "open",
        channel: input.channel,
        customerId,
        language,
        callId: input.callId ?? null,
        mailbox: [...mailboxes().entries()].find(([, k]) => k === "tickets")?.[0] ?? null,
        assigneeId: a.kind === "user" ? a.id : null,
        ...due,
        lastMessageAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(ticketMessages).values({
      ticketId: t.id,
      direction: "in",
      authorId: a.kind === "user" ? a.id : null,
      authorLabel: `${a.name} (${input.channel})`,
      textBody: input.body,
      subject: input.subject,
      ticketVersion: t.version,
      createdAt: now,
    });
    await recordEvent(tx, a, "ticket", t.id, "created", { number: t.number, channel: input.channel, callId: input.callId ?? null });
    return { number: t.number };
  });
}

// ---- Reference lists ------------------------------------------------------------------------------------

export async function listSavedReplies(actor: Actor | null, q?: string, language?: "nl" | "en") {
  requirePermission(actor, "workTickets");
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select()
    .from(savedReplies)
    .where(
      and(
        language ? eq(savedReplies.language, language) : undefined,
        like ? sql`(${savedReplies.title} ilike ${like} or ${savedReplies.body} ilike ${like})` : undefined,
      ),
    )
    .orderBy(asc(savedReplies.language), asc(savedReplies.title))
    .limit(50);
}

export async function listAgents(actor: Actor | null) {
  requirePermission(actor, "workTickets");
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...CAN.workTickets])))
    .orderBy(asc(users.name));
}

export async function attachmentFor(actor: Actor | null, number: number, id: string) {
  const a = requirePermission(actor, "readTickets");
  const t = await visibleTicket(db, a, number);
  const [att] = await db
    .select({ filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, content: ticketAttachments.content })
    .from(ticketAttachments)
    .innerJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
    .where(and(eq(ticketAttachments.id, id), eq(ticketMessages.ticketId, t.id)));
  if (!att) throw notFound("Attachment");
  await auditRead(a, {
    entityType: "ticket_attachment",
    id,
    customers: [t.customerId],
    purpose: "download",
    filters: { ticket: t.number },
  });
  return att;
}

export async function rawSourceFor(actor: Actor | null, number: number, messageId: string) {
  const a = requirePermission(actor, "readTickets");
  const t = await visibleTicket(db, a, number);
  const [m] = await db
    .select({ raw: ticketMessages.rawSource })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, t.id)));
  if (!m?.raw) throw notFound("Raw message");
  await auditRead(a, {
    entityType: "ticket_raw_source",
    id: messageId,
    customers: [t.customerId],
    purpose: "raw_source",
    filters: { ticket: t.number },
  });
  return m.raw;
}
