import "server-only";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db } from "@/db/client";
import { outboundEmails } from "@/db/schema";
import { env } from "@/lib/env";

/** Back-off between attempts (spec 02): about 1 min, 5 min, 30 min, 2 h, 12 h; then the message is failed. */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 43200];
/** A claimed message not finished within this time (a crash mid-send) is due again. */
const LEASE_SECONDS = 120;

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
 * Delivers the due outbox messages. Each is claimed with a conditional update (SKIP LOCKED), so that any
 * number of workers share the outbox without sending a message twice. Returns how many were sent.
 */
export async function deliverDueEmails(max = 50): Promise<{ sent: number; failed: number }> {
  const transporter = relay();
  if (!transporter) return { sent: 0, failed: 0 }; // no relay configured: mail waits in the outbox
  const claimed = await db.execute<{ id: string }>(sql`
    update outbound_emails set next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
    where id in (
      select id from outbound_emails where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at limit ${max} for update skip locked)
    returning id`);
  let sent = 0;
  let failed = 0;
  for (const { id } of claimed.rows) {
    const [m] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
    if (!m) continue;
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
      await db
        .update(outboundEmails)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(eq(outboundEmails.id, id));
      sent++;
    } catch (err) {
      const delay = RETRY_DELAYS_SECONDS[m.attempts - 1];
      await db
        .update(outboundEmails)
        .set(
          delay === undefined
            ? { status: "failed", lastError: String((err as Error).message).slice(0, 500) }
            : { nextAttemptAt: new Date(Date.now() + delay * 1000), lastError: String((err as Error).message).slice(0, 500) },
        )
        .where(eq(outboundEmails.id, id));
      failed++;
    }
  }
  return { sent, failed };
}
