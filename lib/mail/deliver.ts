import "server-only";
import { and, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db } from "@/db/client";
import { outboundEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/platform/logger";

/** Back-off between attempts (spec 02): about 1 min, 5 min, 30 min, 2 h, 12 h; then the message is failed. */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 43200];
let transport: nodemailer.Transporter | undefined;
let transportUrl: string | undefined;
function relay(): nodemailer.Transporter | null {
  // Read live as well: an operator (or a test) may point a running worker at a relay that just came up.
  const url = env().SMTP_RELAY_URL ?? process.env.SMTP_RELAY_URL;
  if (!url) return null;
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transportUrl = url;
  }
  return transport;
}

/**
 * Delivers the due outbox messages, one claim at a time (issue 11 item 10, "exactly one send per message"):
 *
 * - Claim: a conditional update (SKIP LOCKED) gives the message a fresh `claim_token` and a lease
 *   (`lease_until`, OUTBOX_LEASE_SECONDS) — only a queued, due message whose lease is absent or expired can be
 *   claimed, so while one worker sends it no other worker (nor a second sweep) takes it.
 * - Result: "sent" or the back-off is written only `where claim_token = <ours>`. A worker that lost its lease
 *   (it stalled past it and another took over) changes nothing, so it cannot put a sent message back in the
 *   queue or fail it.
 * - Admin retry (lib/mail/outbox.ts) makes the message due now but leaves the lease alone: a retry of a message
 *   being sent waits for that lease — it is sent again only if this attempt fails or the worker dies.
 * - A worker killed between claim and send leaves the lease to run out; the next sweep after it sends the
 *   message once. The one window left is a crash after the relay accepted the message and before "sent" is
 *   written: the next worker sends it again with the same Message-ID (receivers, ours included, dedupe on it).
 *   The lease is far longer than a send (the relay's connection, greeting and socket timeouts are 10-30 s).
 */
export async function deliverDueEmails(max = 50): Promise<{ sent: number; failed: number }> {
  const transporter = relay();
  if (!transporter) return { sent: 0, failed: 0 }; // no relay configured: mail waits in the outbox
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < max; i++) {
    const m = await claimNext();
    if (!m) break;
    const ok = await sendClaimed(transporter, m);
    if (ok) sent++;
    else failed++;
  }
  return { sent, failed };
}

type Claimed = typeof outboundEmails.$inferSelect & { claimToken: string };

/** Claims the next due message with a fresh token and lease; null when none is due. */
async function claimNext(leaseSeconds = env().OUTBOX_LEASE_SECONDS): Promise<Claimed | null> {
  const { rows } = await db.execute<{ id: string }>(sql`
    update outbound_emails set claim_token = gen_random_uuid(), lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id = (
      select id from outbound_emails
      where status = 'queued' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
      order by next_attempt_at limit 1 for update skip locked)
    returning id`);
  if (!rows[0]) return null;
  const [m] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, rows[0].id));
  return m?.claimToken ? (m as Claimed) : null;
}

async function sendClaimed(transporter: nodemailer.Transporter, m: Claimed): Promise<boolean> {
  const ours = and(eq(outboundEmails.id, m.id), eq(outboundEmails.claimToken, m.claimToken));
  try {
    await transporter.sendMail({
      from: m.fromAddress ?? env().MAIL_FROM,
      to: m.toName ? { name: m.toName, address: m.toAddress } : m.toAddress,
      subject: m.subject,
      text: m.textBody,
      html: m.htmlBody ?? undefined,
      messageId: m.messageId,
      inReplyTo: m.inReplyTo ?? undefined,
      references: m.references ?? undefined,
      headers: m.headers, // automatic mails (acknowledgements, reminders) set Auto-Submitted themselves
      attachments: m.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, "base64"),
      })),
    });
  } catch (err) {
    const delay = RETRY_DELAYS_SECONDS[m.attempts - 1];
    const error = String((err as Error).message).slice(0, 500);
    // An admin retry during the lease moved next_attempt_at to "now": keep that rather than the back-off.
    await db
      .update(outboundEmails)
      .set(
        delay === undefined
          ? { status: "failed", lastError: error, claimToken: null, leaseUntil: null }
          : {
              nextAttemptAt: sql`case when date_trunc('milliseconds', ${outboundEmails.nextAttemptAt}) > ${m.nextAttemptAt} then ${outboundEmails.nextAttemptAt} else now() + make_interval(secs => ${delay}) end`,
              lastError: error,
              claimToken: null,
              leaseUntil: null,
            },
      )
      .where(ours);
    return false;
  }
  const done = await db
    .update(outboundEmails)
    .set({ status: "sent", sentAt: new Date(), lastError: null, claimToken: null, leaseUntil: null })
    .where(ours)
    .returning({ id: outboundEmails.id });
  // Our lease ran out mid-send and another worker holds the message now: it writes the result, not us.
  if (!done.length) logger.warn({ outboundEmailId: m.id }, "outbox: lease lost while sending the message");
  return true;
}
