import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { outboundEmails, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { retryOutboxMessage } from "@/lib/mail/outbox";
import { startSmtpListener } from "@/lib/tickets/smtp-listener";
import { getTicket, replyToTicket } from "@/lib/tickets/service";

/**
 * Spec 02 through real SMTP: nodemailer talks to the listener on a port of our own, and the database is
 * checked after each 250. Ports 42100–42189 (listener and sink; the HTTP test uses 42200–42239, the bench 42000–42089).
 */
const LISTEN = 42100 + Math.floor(Math.random() * 40);
const SINK = LISTEN + 50;
let stop: (() => Promise<void>) | null = null;
const uid = () => crypto.randomBytes(4).toString("hex");
const client = nodemailer.createTransport({ host: "127.0.0.1", port: LISTEN, secure: false, ignoreTLS: true } as SMTPTransport.Options);

async function send(m: nodemailer.SendMailOptions) {
  return client.sendMail({ to: "kic@ind.example", text: "Beste IND, ik heb een vraag over mijn verblijfsvergunning.", ...m });
}
async function ticketOfMessage(messageId: string) {
  const [r] = await db
    .select({ ticketId: ticketMessages.ticketId, number: tickets.number })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.messageId, messageId));
  return r;
}
const acksFor = (ticketId: string) =>
  db
    .select()
    .from(outboundEmails)
    .where(and(eq(outboundEmails.contextId, ticketId), eq(outboundEmails.kind, "ticket.acknowledgement")));

/** Sends SMTP commands one by one on a raw socket and returns the reply to each. */
async function rawSmtp(commands: string[]): Promise<string[]> {
  const net = await import("node:net");
  const sock = net.connect(LISTEN, "127.0.0.1");
  let buf = "";
  const waitReply = () =>
    new Promise<string>((resolve) => {
      const check = () => {
        const m = buf.match(/^(?:\d{3}-.*\r\n)*\d{3} .*\r\n/);
        if (m) {
          buf = buf.slice(m[0].length);
          sock.off("data", onData);
          resolve(m[0].trim().split("\r\n").pop()!);
        }
      };
      const onData = (d: Buffer) => {
        buf += d.toString();
        check();
      };
      sock.on("data", onData);
      check();
    });
  await waitReply(); // banner
  const out: string[] = [];
  for (const c of commands) {
    sock.write(`${c}\r\n`);
    out.push(await waitReply());
  }
  sock.destroy();
  return out;
}

beforeAll(async () => {
  stop = await startSmtpListener({ port: LISTEN, host: "127.0.0.1" });
});
afterAll(async () => {
  client.close();
  await stop?.();
});

describe("inbound SMTP → tickets", () => {
  it("a new mail makes a ticket, a customer and an acknowledgement with Auto-Submitted", async () => {
    const from = `ana.${uid()}@example.org`;
    const messageId = `<${uid()}@example.org>`;
    const info = await send({
      from: { name: "Ana Silva", address: from },
      subject: "Vraag over mijn aanvraag",
      messageId,
      html: '<p>Hallo <img src="https://t.example/x.gif"><script>alert(1)</script></p>',
      attachments: [{ filename: "paspoort.pdf", content: Buffer.from("%PDF-1.4 test") }],
    });
    expect(info.response).toMatch(/^250 .*KIC-\d+/);
    const t = await ticketOfMessage(messageId);
    expect(t).toBeTruthy();
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, t.ticketId));
    expect(ticket).toMatchObject({ status: "new", channel: "email", mailbox: "kic@ind.example", language: "nl", parseFailed: false });
    expect(ticket.firstResponseDueAt!.getTime()).toBeGreaterThan(Date.now());
    const { rows } = await db.execute<{ email: string; name: string }>(
      sql`select email, name from customers where id = ${ticket.customerId}`,
    );
    expect(rows[0]).toEqual({ email: from, name: "Ana Silva" });
    const acks = await acksFor(ticket.id);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ toAddress: from, fromAddress: "kic@ind.example", inReplyTo: messageId, language: "nl" });
    expect(acks[0].subject).toContain(`[KIC-${ticket.number}]`);
    expect(acks[0].headers["Auto-Submitted"]).toBe("auto-replied");
    // the attachment is stored with its SHA-256, the raw source is kept
    const [msg] = await db.select().from(ticketMessages).where(eq(ticketMessages.messageId, messageId));
    expect(msg.rawSource!.toString()).toContain("Vraag over mijn aanvraag");
    const { rows: att } = await db.execute<{ sha256: string; size: number }>(
      sql`select sha256, size from ticket_attachments where message_id = ${msg.id}`,
    );
    expect(att[0]).toEqual({ sha256: crypto.createHash("sha256").update("%PDF-1.4 test").digest("hex"), size: 13 });
  });

  it("a reply by subject tag and a reply by In-Reply-To join the ticket; a duplicate adds nothing", async () => {
    const from = `bo.${uid()}@example.org`;
    const first = `<${uid()}@example.org>`;
    await send({ from, subject: "Adreswijziging", messageId: first });
    const t = await ticketOfMessage(first);
    // by [KIC-n] in the subject, with no threading headers at all
    const byTag = `<${uid()}@example.org>`;
    await send({ from, subject: `Re: iets anders [KIC-${t.number}]`, messageId: byTag });
    expect((await ticketOfMessage(byTag)).number).toBe(t.number);
    // by In-Reply-To naming our acknowledgement's Message-ID (a mail we sent), subject without tag
    const [ack] = await acksFor(t.ticketId);
    const byHeader = `<${uid()}@example.org>`;
    await send({ from, subject: "Re: uw bericht", messageId: byHeader, inReplyTo: ack.messageId, references: [first, ack.messageId] });
    expect((await ticketOfMessage(byHeader)).number).toBe(t.number);
    // the same message delivered again is stored once
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(ticketMessages)
          .where(eq(ticketMessages.ticketId, t.ticketId))
      )[0].n;
    // tickets of this sender (other test files run in parallel on the same database)
    const senderTickets = async () =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from tickets t join customers c on c.id = t.customer_id where c.email = ${from}`,
        )
      ).rows[0].n;
    const ticketsBefore = await senderTickets();
    expect(await count()).toBe(3);
    const again = await send({ from, subject: "Re: uw bericht", messageId: byHeader, inReplyTo: ack.messageId });
    expect(again.response).toMatch(/^250/);
    expect(await count()).toBe(3);
    expect(await senderTickets()).toBe(ticketsBefore);
    expect(ticketsBefore).toBe(1);
    // only the first mail got an acknowledgement
    expect(await acksFor(t.ticketId)).toHaveLength(1);
  });

  it("no acknowledgement to automatic, list or daemon mail, nor more than 3 per sender per hour", async () => {
    const cases: [nodemailer.SendMailOptions, string][] = [
      [{ headers: { "Auto-Submitted": "auto-replied" } }, "auto"],
      [{ headers: { Precedence: "bulk" } }, "bulk"],
      [{ headers: { "List-Unsubscribe": "<mailto:u@list.example>" } }, "list"],
      [{ headers: { "X-Loop": "kic@ind.example" } }, "loop"],
      [{ from: `mailer-daemon@${uid()}.example.org` }, "daemon"],
    ];
    for (const [opts, label] of cases) {
      const messageId = `<${uid()}@example.org>`;
      await send({ from: `x.${uid()}@example.org`, subject: `auto ${label}`, messageId, ...opts });
      const t = await ticketOfMessage(messageId);
      expect(t, label).toBeTruthy();
      expect(await acksFor(t.ticketId), label).toHaveLength(0);
    }
    const from = `flood.${uid()}@example.org`;
    let acks = 0;
    for (let i = 0; i < 5; i++) {
      const messageId = `<${uid()}@example.org>`;
      await send({ from, subject: `Nieuwe vraag ${i}`, messageId });
      acks += (await acksFor((await ticketOfMessage(messageId)).ticketId)).length;
    }
    expect(acks).toBe(3);
  });

  it("refuses unknown recipients with 550 and messages over 25 MB with 552", async () => {
    await expect(send({ from: `a.${uid()}@example.org`, to: `nobody@ind.example`, subject: "x" })).rejects.toMatchObject({
      responseCode: 550,
    });
    // the SIZE a client announces is checked at MAIL FROM (nodemailer refuses to even try, so talk SMTP by hand)
    const replies = await rawSmtp(["EHLO test", `MAIL FROM:<a.${uid()}@example.org> SIZE=${26 * 1024 * 1024}`, "QUIT"]);
    expect(replies[1]).toMatch(/^552 /);
    // a client that does not announce the size gets 552 after the data, and nothing is stored
    const subject = `too big ${uid()}`;
    const big = Buffer.concat([
      Buffer.from(`From: big@example.org\r\nTo: kic@ind.example\r\nSubject: ${subject}\r\n\r\n`),
      Buffer.alloc(26 * 1024 * 1024, "a\r\n"),
    ]);
    await expect(client.sendMail({ envelope: { from: "big@example.org", to: ["kic@ind.example"] }, raw: big })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect((await db.select().from(tickets).where(eq(tickets.subject, subject))).length).toBe(0);
  });

  it("malformed MIME still becomes a flagged ticket with its raw source", async () => {
    const garbage = Buffer.concat([Buffer.from(`\u0000\u0001garbage-${uid()} not a mail `), crypto.randomBytes(64)]);
    const from = `broken.${uid()}@example.org`;
    const info = await client.sendMail({ envelope: { from, to: ["kic@ind.example"] }, raw: garbage });
    const n = Number(info.response.match(/KIC-(\d+)/)![1]);
    const [t] = await db.select().from(tickets).where(eq(tickets.number, n));
    expect(t.parseFailed).toBe(true);
    expect(t.tags).toContain("parse-failed");
    const [m] = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id));
    expect(m.parseFailed).toBe(true);
    expect(m.fromAddress).toBe(from);
    expect(m.rawSource!.includes(garbage.subarray(2, 20))).toBe(true);
  });

  it("a reply to a solved ticket reopens it within 30 days; later it opens a new linked ticket", async () => {
    const from = `c.${uid()}@example.org`;
    const first = `<${uid()}@example.org>`;
    await send({ from, subject: "Naturalisatie", messageId: first });
    const t = await ticketOfMessage(first);
    await db
      .update(tickets)
      .set({ status: "solved", solvedAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(tickets.id, t.ticketId));
    await send({ from, subject: `Re: Naturalisatie [KIC-${t.number}]`, messageId: `<${uid()}@example.org>` });
    expect((await db.select().from(tickets).where(eq(tickets.id, t.ticketId)))[0]).toMatchObject({ status: "open", solvedAt: null });
    await db
      .update(tickets)
      .set({ status: "closed", solvedAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(eq(tickets.id, t.ticketId));
    const late = `<${uid()}@example.org>`;
    await send({ from, subject: `Re: Naturalisatie [KIC-${t.number}]`, messageId: late });
    const nt = await ticketOfMessage(late);
    expect(nt.number).not.toBe(t.number);
    expect((await db.select().from(tickets).where(eq(tickets.id, nt.ticketId)))[0].linkedTicketId).toBe(t.ticketId);
    expect((await db.select().from(tickets).where(eq(tickets.id, t.ticketId)))[0].status).toBe("closed");
  });

  it("mail to the complaints mailbox becomes a ticket tagged klacht while the complaints intake declines it", async () => {
    const messageId = `<${uid()}@example.org>`;
    await send({ from: `k.${uid()}@example.org`, to: "klachten@ind.example", subject: "Klacht over behandeling", messageId });
    const [t] = await db
      .select()
      .from(tickets)
      .where(eq(tickets.id, (await ticketOfMessage(messageId)).ticketId));
    expect(t.tags).toContain("klacht");
  });
});

describe("replies out through the outbox", () => {
  it("with the relay down they stay queued with the error; when a sink comes up each is delivered once with the right headers", async () => {
    const [agent] = await db
      .insert(users)
      .values({ email: `agent.${uid()}@kic.example`, name: "Test Agent", passwordHash: "x", role: "backoffice" })
      .returning();
    const actor: Actor = { kind: "user", id: agent.id, name: agent.name, role: "backoffice", deskCodes: [] };
    const from = `d.${uid()}@example.org`;
    const inbound = `<${uid()}@example.org>`;
    await send({ from, subject: "Documenten opsturen", messageId: inbound, references: `<older-${uid()}@example.org>` });
    const t = await ticketOfMessage(inbound);
    const view = await getTicket(actor, t.number);
    const r1 = await replyToTicket(actor, t.number, {
      body: "Beste klant,\n\nU kunt de documenten uploaden.",
      expectedVersion: view.version,
    });
    const r2 = await replyToTicket(actor, t.number, { body: "Aanvulling: ook per post.", status: "solved" });
    // a reply over a newer version is refused with what changed
    await expect(replyToTicket(actor, t.number, { body: "oud", expectedVersion: view.version })).rejects.toMatchObject({
      status: 409,
      code: "stale_ticket",
    });

    process.env.SMTP_RELAY_URL = `smtp://127.0.0.1:${SINK}`; // nothing listens there yet
    const down = await deliverDueEmails(500);
    expect(down.failed).toBeGreaterThanOrEqual(2);
    const ours = await db
      .select()
      .from(outboundEmails)
      .where(and(eq(outboundEmails.contextId, t.ticketId), eq(outboundEmails.kind, "ticket.reply")));
    expect(ours).toHaveLength(2);
    for (const m of ours) {
      expect(m.status).toBe("queued");
      expect(m.lastError).toBeTruthy();
      expect(m.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    }
    expect((await getTicket(actor, t.number)).messages.filter((m) => m.direction === "out").map((m) => m.delivery?.status)).toEqual([
      "queued",
      "queued",
    ]);

    const received: Buffer[] = [];
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, _s, cb) {
        const c: Buffer[] = [];
        stream.on("data", (d: Buffer) => c.push(d));
        stream.on("end", () => {
          received.push(Buffer.concat(c));
          cb();
        });
      },
    });
    await new Promise<void>((res) => sink.listen(SINK, "127.0.0.1", () => res()));
    try {
      for (const m of ours) expect((await retryOutboxMessage(m.id)).retried).toBe(true);
      await deliverDueEmails(500);
      await deliverDueEmails(500); // a second sweep sends nothing again
      const parsed = await Promise.all(received.map((b) => simpleParser(b)));
      for (const [r, body] of [
        [r1, "U kunt de documenten uploaden."],
        [r2, "Aanvulling"],
      ] as const) {
        const got = parsed.filter((p) => p.messageId === r.messageId);
        expect(got).toHaveLength(1);
        const p = got[0];
        expect(p.from?.value[0].address).toBe("kic@ind.example");
        expect(p.to && !Array.isArray(p.to) ? p.to.value[0].address : null).toBe(from);
        expect(p.subject).toBe(`Re: Documenten opsturen [KIC-${t.number}]`);
        expect(p.inReplyTo).toBe(inbound);
        expect([p.references].flat()).toContain(inbound);
        expect(p.text).toContain(body);
        expect(p.html).toBeTruthy();
      }
      const after = await db
        .select()
        .from(outboundEmails)
        .where(and(eq(outboundEmails.contextId, t.ticketId), eq(outboundEmails.kind, "ticket.reply")));
      expect(after.map((m) => m.status)).toEqual(["sent", "sent"]);
      const [final] = await db.select().from(tickets).where(eq(tickets.id, t.ticketId));
      expect(final.status).toBe("solved");
      expect(final.firstRespondedAt).toBeTruthy();
    } finally {
      delete process.env.SMTP_RELAY_URL;
      await new Promise<void>((res) => sink.close(() => res()));
    }
  });
});
