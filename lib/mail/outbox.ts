import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { db } from "@/db/client";
import { outboundEmails, type OutboxAttachment } from "@/db/schema";
import { env } from "@/lib/env";
import { wake } from "@/lib/jobs/boss";

export type OutgoingEmail = {
  to: string;
  toName?: string | null;
  /** Defaults to MAIL_FROM; tickets answer from their mailbox address. */
  from?: string;
  subject: string;
  text: string;
  html?: string;
  language: "nl" | "en";
  kind: string;
  contextType: string;
  contextId?: string | null;
  inReplyTo?: string | null;
  references?: string | null;
  headers?: Record<string, string>;
  attachments?: OutboxAttachment[];
  /** Give one to refer to it before it is sent (ticket replies store it as their own Message-ID). */
  messageId?: string;
};

/** Our own Message-ID domain: the domain of MAIL_FROM. */
export function messageIdDomain(): string {
  const m = env().MAIL_FROM.match(/@([^>\s]+)/);
  return m ? m[1] : "ind.example";
}

export function newMessageId(): string {
  return `<${crypto.randomUUID()}@${messageIdDomain()}>`;
}

/**
 * Puts an email in the outbox. Call it inside the transaction of the change that causes the email: both
 * commit or neither does. The worker delivers it (lib/mail/deliver.ts); call `wakeOutbox()` after commit to
 * have it go out within seconds rather than at the next minute's sweep.
 */
export async function queueEmail(tx: DbOrTx, mail: OutgoingEmail): Promise<{ id: string; messageId: string }> {
  const messageId = mail.messageId ?? newMessageId();
  const [row] = await tx
    .insert(outboundEmails)
    .values({
      toAddress: mail.to,
      toName: mail.toName ?? null,
      fromAddress: mail.from ?? null,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      messageId,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references ?? null,
      headers: mail.headers ?? {},
      attachments: mail.attachments ?? [],
      language: mail.language,
      kind: mail.kind,
      contextType: mail.contextType,
      contextId: mail.contextId ?? null,
    })
    .returning({ id: outboundEmails.id });
  return { id: row.id, messageId };
}

export async function wakeOutbox(): Promise<void> {
  await wake("outbox-deliver");
}

/** The outbox for the admin page: newest first, optionally by status. */
export async function listOutbox(opts: { status?: string; limit?: number } = {}) {
  return db
    .select()
    .from(outboundEmails)
    .where(opts.status ? eq(outboundEmails.status, opts.status) : undefined)
    .orderBy(desc(outboundEmails.createdAt))
    .limit(opts.limit ?? 200);
}

/**
 * Admin "retry": a failed or waiting message is due again now. It does not touch the lease (lib/mail/deliver.ts):
 * a message a worker is sending right now is not claimed again until that worker is done or its lease has run
 * out, so a retry never causes a second send. `leasedUntil` tells the admin it is being sent at this moment.
 */
export async function retryOutboxMessage(id: string): Promise<{ retried: boolean; leasedUntil: Date | null }> {
  const rows = await db
    .update(outboundEmails)
    .set({ status: "queued", nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(outboundEmails.id, id), sql`${outboundEmails.status} in ('queued','failed')`))
    .returning({ leaseUntil: outboundEmails.leaseUntil });
  if (rows.length !== 1) return { retried: false, leasedUntil: null };
  const lease = rows[0].leaseUntil;
  return { retried: true, leasedUntil: lease && lease.getTime() > Date.now() ? lease : null };
}
