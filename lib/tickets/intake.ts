import "server-only";
import crypto from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { ticketAttachments, ticketMessages, tickets } from "@/db/schema";
import type { AuthResults, TicketQueue } from "@/db/schema/tickets";
import { complaintFromEmail } from "@/lib/complaints";
import { resolveCustomer } from "@/lib/customers";
import { mailboxes } from "@/lib/env";
import { messageIdDomain, queueEmail, wakeOutbox } from "@/lib/mail/outbox";
import { recordEvent, SYSTEM } from "@/lib/platform/events";
import { trustedAuthResults } from "./auth-results";
import {
  ackSuppressionReason,
  ACKS_PER_SENDER_PER_HOUR,
  guessLanguage,
  referencedMessageIds,
  threadAction,
  ticketNumberFromSubject,
} from "./rules";
import { businessCalendar, slaTargets } from "./settings";
import { resumeDueTime, slaDueTimes, type BusinessCalendar } from "./sla";
import { ackEmail } from "./templates";

export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export type IngestResult = {
  ticketNumber: number | null;
  duplicate: boolean;
  parseFailed: boolean;
  complaintReference: string | null;
  acknowledged: boolean;
  action: "new" | "append" | "reopen" | "new_linked" | "complaint" | "duplicate";
};

type Parsed = {
  ok: boolean;
  from: string | null;
  fromName: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  headers: Map<string, unknown>;
  /** To and Cc addresses of the header (the webhook path has no SMTP envelope). */
  recipients: string[];
  attachments: { filename: string; contentType: string; content: Buffer }[];
  authResults?: AuthResults | null;
};

const EMAIL_RE = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** mailparser, and the judgement whether it understood the mail: no header block or no usable From = failed. */
export async function parseMail(raw: Buffer, envelopeFrom: string | null): Promise<Parsed> {
  let p: ParsedMail | null = null;
  try {
    p = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch {
    p = null;
  }
  const fromAddr = p?.from?.value?.[0]?.address?.trim() || null;
  const ok = !!p && p.headers.size > 0 && !!fromAddr && EMAIL_RE.test(fromAddr);
  const refs = p?.references;
  return {
    ok,
    from: (ok ? fromAddr : envelopeFrom)?.toLowerCase() ?? null,
    fromName: (ok && p?.from?.value?.[0]?.name) || null,
    subject: (p?.subject ?? "").slice(0, 500),
    text: ok
      ? (p?.text ?? "")
      : raw
          .toString("utf8")
          .replace(/\u0000/g, "")
          .slice(0, 100_000),
    html: ok && typeof p?.html === "string" ? p.html : null,
    messageId: (ok && p?.messageId) || null,
    inReplyTo: (ok && p?.inReplyTo) || null,
    references: ok ? (Array.isArray(refs) ? refs.join(" ") : (refs ?? null)) : null,
    headers: p?.headers ?? new Map(),
    recipients: [p?.to, p?.cc]
      .flat()
      .flatMap((a) => (a ? a.value : []))
      .map((v) => v.address?.toLowerCase() ?? "")
      .filter(Boolean),
    attachments: ok
      ? (p?.attachments ?? []).map((a, i) => ({
          filename: a.filename ?? `attachment-${i + 1}`,
          contentType: a.contentType || "application/octet-stream",
          content: a.content,
        }))
      : [],
  };
}

/** The first recipient that is one of our mailboxes, with what its mail becomes. */
export function mailboxFor(recipients: string[]): { address: string; kind: "tickets" | "complaints" } | null {
  const boxes = mailboxes();
  for (const r of recipients) {
    const kind = boxes.get(r.toLowerCase());
    if (kind) return { address: r.toLowerCase(), kind };
  }
  return null;
}

export type Envelope = {
  to: string[];
  from?: string | null;
  /**
   * The front MTA's authserv-id whose Authentication-Results headers are recorded (SMTP_AUTHSERV_ID, passed by
   * the SMTP listener only; the webhook passes none, so nothing an API caller writes is taken as verified).
   */
  authservId?: string | null;
};

/**
 * The one path of inbound mail — SMTP listener and the inbound-email webhook alike (spec 02). Stores the raw
 * message, its ticket (new, appended, reopened or linked) and its message row in one transaction; returns only
 * after commit, so the SMTP 250 means "stored". A duplicate (same Message-ID and sender) changes nothing.
 */
export async function ingestEmail(raw: Buffer, envelope: Envelope, now = new Date()): Promise<IngestResult> {
  const m = await parseMail(raw, envelope.from?.toLowerCase() || null);
  m.authResults = trustedAuthResults(raw, envelope.authservId);
  // the SMTP envelope decides; a webhook delivery without one falls back to the To/Cc header, then the first tickets mailbox
  const box = mailboxFor(envelope.to) ??
    mailboxFor(m.recipients) ?? {
      address: [...mailboxes()].find(([, k]) => k === "tickets")?.[0] ?? "kic@ind.example",
      kind: "tickets" as const,
    };
  const result = await db.transaction(async (tx) => ingestInTx(tx, raw, m, box, now));
  if (result.acknowledged) wakeSoon();
  return result;
}

let wakeTimer: NodeJS.Timeout | null = null;
/**
 * Wake the outbox shortly after commit, coalescing a burst of acknowledgements into one wake-up (the
 * per-minute sweep is the safety net); the SMTP 250 does not wait for it.
 */
function wakeSoon() {
  if (wakeTimer) return;
  wakeTimer = setTimeout(() => {
    wakeTimer = null;
    void wakeOutbox().catch(() => undefined);
  }, 250);
  wakeTimer.unref?.();
}

async function ingestInTx(
  tx: Tx,
  raw: Buffer,
  m: Parsed,
  box: { address: string; kind: "tickets" | "complaints" },
  now: Date,
): Promise<IngestResult> {
  const sender = m.from ?? "unknown@invalid";
  if (m.messageId) {
    // Serialise deliveries of the same message; the unique index (message_id, lower(from)) is the backstop.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${m.messageId}|${sender}`}))`);
    const { rows } = await tx.execute<{ number: number }>(sql`
      select t.number from ticket_messages m join tickets t on t.id = m.ticket_id
      where m.message_id = ${m.messageId} and lower(m.from_address) = ${sender} limit 1`);
    if (rows[0])
      return {
        ticketNumber: rows[0].number,
        duplicate: true,
        parseFailed: false,
        complaintReference: null,
        acknowledged: false,
        action: "duplicate",
      };
  }
  // The sender by their address (lib/customers: created on first contact).
  const customer = await resolveCustomer(tx, { email: m.from, name: m.fromName, language: guessLanguage(m.text, "nl") });
  const language = guessLanguage(`${m.subject}\n${m.text}`, customer?.language ?? "nl");

  // Threading: [KIC-n] in the subject, then In-Reply-To/References naming a message we stored or sent. Mail to
  // a complaints mailbox threads only onto complaint mail and other mail never onto it (issue 11 item 7: the
  // complaints queue is sealed by a trigger too, db/migrations), so a guessed tag cannot carry mail across.
  const complaintSide = box.kind === "complaints";
  let named: typeof tickets.$inferSelect | undefined;
  const tagged = ticketNumberFromSubject(m.subject);
  if (tagged) {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select coalesce(merged_into_id, id) as id from tickets where number = ${tagged} and (queue = 'complaints') = ${complaintSide}`);
    if (rows[0]) named = await lockTicket(tx, rows[0].id);
  }
  const refs = referencedMessageIds(m.inReplyTo, m.references);
  if (!named && refs.length) {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select coalesce(t.merged_into_id, t.id) as id from (
        select ticket_id from ticket_messages where message_id in ${refs}
        union all
        select context_id::uuid from outbound_emails where context_type = 'ticket' and message_id in ${refs}
      ) x join tickets t on t.id = x.ticket_id where (t.queue = 'complaints') = ${complaintSide} limit 1`);
    if (rows[0]) named = await lockTicket(tx, rows[0].id);
  }
  // Issue 11 item 9: only a participant joins the thread it names — the ticket's customer, or an address that
  // already wrote into it (inbound mail of this ticket, merged ones included since merging moves messages).
  // Anyone else (a subject tag is a guessable number) opens a new ticket linked to the named one; agents merge
  // it when it belongs there. Our replies' Message-IDs are random, but a participant may forward them, so the
  // same rule holds for In-Reply-To/References.
  let target: typeof tickets.$inferSelect | undefined;
  let strangerTo: typeof tickets.$inferSelect | undefined;
  if (named) {
    if (await isParticipant(tx, named, sender)) target = named;
    else strangerTo = named;
  }

  const cal = await businessCalendar(tx, now);
  let action: IngestResult["action"] = "new";
  let ticket: typeof tickets.$inferSelect | undefined;
  let linkedFrom: string | null = strangerTo?.id ?? null;
  if (strangerTo) action = "new_linked";
  if (target) {
    const a = threadAction(target, now);
    if (a === "new_linked") {
      linkedFrom = target.id;
      action = "new_linked";
    } else if (target.queue === "complaints") {
      // A follow-up to a complaint: the mail joins its ticket (so the complaints team has it with the rest) and
      // the complaint's timeline says so; the ticket stays closed, the complaint file is where it is handled.
      action = "append";
      const [updated] = await tx
        .update(tickets)
        .set({ version: sql`${tickets.version} + 1`, lastMessageAt: now, updatedAt: now })
        .where(sql`${tickets.id} = ${target.id}`)
        .returning();
      ticket = updated;
      await recordEvent(tx, SYSTEM("smtp"), "ticket", ticket.id, "message_received", { from: sender, version: ticket.version });
      const { rows } = await tx.execute<{ id: string }>(sql`
        select c.id from complaints c join ticket_messages m on c.inbound_message_id = m.id::text where m.ticket_id = ${target.id} limit 1`);
      if (rows[0]) await recordEvent(tx, SYSTEM("smtp"), "complaint", rows[0].id, "mail_received", { ticket: `KIC-${ticket.number}` });
    } else {
      action = a;
      const [updated] = await tx
        .update(tickets)
        .set({
          status: a === "reopen" ? "open" : target.status === "pending" ? "open" : target.status,
          solvedAt: a === "reopen" ? null : target.solvedAt,
          closedAt: a === "reopen" ? null : target.closedAt,
          pausedAt: null,
          // The customer answered: a paused clock runs again (spec 02, pending stops the clock).
          ...(target.status === "pending" && target.pausedAt ? resumedDue(cal, target, target.pausedAt, now) : {}),
          version: sql`${tickets.version} + 1`,
          lastMessageAt: now,
          updatedAt: now,
        })
        .where(sql`${tickets.id} = ${target.id}`)
        .returning();
      ticket = updated;
      await recordEvent(tx, SYSTEM("smtp"), "ticket", ticket.id, a === "reopen" ? "reopened" : "message_received", {
        version: ticket.version,
      });
    }
  }

  let complaintReference: string | null = null;
  if (!ticket) {
    const targets = await slaTargets(tx);
    const due = slaDueTimes(cal, now, targets);
    const [created] = await tx
      .insert(tickets)
      .values({
        subject: m.subject || (language === "en" ? "(no subject)" : "(geen onderwerp)"),
        // Complaint mail is kept from the agents' queues; a stranger's mail stays with the team of the ticket it named.
        queue: (complaintSide ? "complaints" : (strangerTo?.queue ?? "frontdesk")) as TicketQueue,
        status: "new",
        customerId: customer?.id ?? null,
        channel: "email",
        mailbox: box.address,
        language,
        parseFailed: !m.ok,
        tags: [...(box.kind === "complaints" ? ["klacht"] : []), ...(m.ok ? [] : ["parse-failed"])],
        linkedTicketId: linkedFrom,
        ...due,
        lastMessageAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    ticket = created;
  }

  const [msg] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: ticket.id,
      direction: "in",
      fromAddress: m.from,
      fromName: m.fromName,
      toAddress: box.address,
      subject: m.subject,
      textBody: m.text,
      htmlRaw: m.html,
      messageId: m.messageId,
      inReplyTo: m.inReplyTo,
      references: m.references,
      rawSource: raw,
      parseFailed: !m.ok,
      authResults: m.authResults ?? null,
      ticketVersion: ticket.version,
      createdAt: now,
    })
    .returning({ id: ticketMessages.id });
  if (m.attachments.length) {
    await tx.insert(ticketAttachments).values(
      m.attachments.map((a) => ({
        messageId: msg.id,
        filename: a.filename.slice(0, 255),
        contentType: a.contentType,
        size: a.content.length,
        sha256: crypto.createHash("sha256").update(a.content).digest("hex"),
        content: a.content,
      })),
    );
  }

  if (action === "new" || action === "new_linked") {
    if (box.kind === "complaints") {
      const c = await complaintFromEmail(tx, {
        customerId: customer?.id ?? null,
        fromAddress: sender,
        fromName: m.fromName,
        subject: m.subject,
        text: m.text,
        receivedAt: now,
        inboundMessageId: msg.id,
        language,
      });
      if (c) {
        complaintReference = c.reference;
        // The complaints capability owns it now; the ticket row keeps the raw mail and is closed at once.
        await tx
          .update(tickets)
          .set({ status: "closed", closedAt: now, tags: sql`array_append(${tickets.tags}, ${`klacht:${c.reference}`})` })
          .where(sql`${tickets.id} = ${ticket.id}`);
      }
    }
    await recordEvent(tx, SYSTEM("smtp"), "ticket", ticket.id, "created", {
      number: ticket.number,
      mailbox: box.address,
      parseFailed: !m.ok,
      linkedTicketId: linkedFrom,
      complaint: complaintReference,
      ...(strangerTo ? { notParticipantOf: `KIC-${strangerTo.number}` } : {}),
    });
    // The named ticket's agents see in its trail that mail naming it went elsewhere, and where.
    if (strangerTo)
      await recordEvent(tx, SYSTEM("smtp"), "ticket", strangerTo.id, "linked_mail_from_non_participant", {
        ticket: `KIC-${ticket.number}`,
      });
  }

  // Auto-acknowledgement: new tickets only, never to automatic mail, at most 3 per sender per hour.
  let acknowledged = false;
  if ((action === "new" || action === "new_linked") && !complaintReference && m.ok) {
    const reason = ackSuppressionReason(m.headers, m.from, messageIdDomain(), m.messageId);
    if (!reason) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ack|${sender}`}))`);
      const { rows } = await tx.execute<{ id: string }>(sql`
        insert into ticket_acks (sender, ticket_id, sent_at)
        select ${sender}, ${ticket.id}, ${now}
        where (select count(*) from ticket_acks where sender = ${sender} and sent_at > ${now}::timestamptz - interval '1 hour') < ${ACKS_PER_SENDER_PER_HOUR}
        returning id`);
      if (rows.length) {
        const targets = await slaTargets(tx);
        const mail = ackEmail(language, {
          number: ticket.number,
          subject: ticket.subject,
          workingDays: targets.firstResponseWorkingDays,
          name: m.fromName,
        });
        await queueEmail(tx, {
          to: sender,
          toName: m.fromName,
          from: box.address,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          language,
          kind: "ticket.acknowledgement",
          contextType: "ticket",
          contextId: ticket.id,
          inReplyTo: m.messageId,
          references: m.messageId,
          headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", "X-Loop": box.address },
        });
        acknowledged = true;
      }
    }
  }
  return { ticketNumber: ticket.number, duplicate: false, parseFailed: !m.ok, complaintReference, acknowledged, action };
}

/** The ticket's customer, or an address whose mail is already in the ticket's thread (issue 11 item 9). */
async function isParticipant(tx: Tx, t: typeof tickets.$inferSelect, sender: string): Promise<boolean> {
  const { rows } = await tx.execute<{ yes: boolean }>(sql`
    select exists (select 1 from customers c where c.id = ${t.customerId} and lower(c.email) = ${sender})
        or exists (select 1 from ticket_messages m where m.ticket_id = ${t.id} and m.direction = 'in' and lower(m.from_address) = ${sender}) as yes`);
  return !!rows[0]?.yes;
}

async function lockTicket(tx: Tx, id: string) {
  const { rows } = await tx.execute(sql`select id from tickets where id = ${id} for update`);
  if (!rows.length) return undefined;
  const [t] = await tx
    .select()
    .from(tickets)
    .where(sql`${tickets.id} = ${id}`);
  return t;
}

function resumedDue(cal: BusinessCalendar, t: typeof tickets.$inferSelect, pausedAt: Date, now: Date) {
  return {
    firstResponseDueAt: t.firstRespondedAt ? t.firstResponseDueAt : resumeDueTime(cal, t.firstResponseDueAt, pausedAt, now),
    resolutionDueAt: resumeDueTime(cal, t.resolutionDueAt, pausedAt, now),
  };
}
