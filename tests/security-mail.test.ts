import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import selfsigned from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiKeys, complaints, events, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor, Role } from "@/lib/auth/roles";
import { parseEnv } from "@/lib/env";
import { customerHistory } from "@/lib/platform/customer-history";
import { getComplaint } from "@/lib/complaints/service";
import { startSmtpListener } from "@/lib/tickets/smtp-listener";
import { addNote, getTicket, mergeTickets, updateTicket } from "@/lib/tickets/service";
import { startAppServer, type AppServer } from "./helpers/app-server";

/**
 * Issue 11 items 7 and 9 through real SMTP, real PostgreSQL and real HTTP against the production build
 * (`node --import tsx scripts/start.ts --build-only` first). Ports 43300–43399 (SMTP) and 43400–43439 (HTTP).
 */
const uid = () => crypto.randomBytes(4).toString("hex");
const SMTP = 43300 + Math.floor(Math.random() * 40);
let stopSmtp: (() => Promise<void>) | null = null;
let app: AppServer;
const keys = {} as Record<Role, string>;
const actors = {} as Record<Role, Actor>;
const AUTHSERV = "mx.test-front.example";

const client = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP, secure: false, ignoreTLS: true } as SMTPTransport.Options);
const send = (m: nodemailer.SendMailOptions) => client.sendMail({ to: "kic@ind.example", text: "Beste IND, ik heb een vraag.", ...m });
const api = (p: string, role: Role, init: RequestInit = {}) =>
  fetch(app.url + p, {
    ...init,
    headers: { authorization: `Bearer ${keys[role]}`, "content-type": "application/json", ...(init.headers ?? {}) },
  });
async function ticketOf(messageId: string) {
  const [r] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      queue: tickets.queue,
      linkedTicketId: tickets.linkedTicketId,
      status: tickets.status,
    })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.messageId, messageId));
  return r;
}

/** Opens a raw SMTP connection and returns the first reply line (the greeting, or 421 when over the limit). */
function greeting(port: number, host = "127.0.0.1"): Promise<{ sock: net.Socket; line: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, host);
    let buf = "";
    sock.on("data", (d) => {
      buf += d.toString();
      const m = buf.match(/^(\d{3}) .*\r\n/m);
      if (m) resolve({ sock, line: m[0].trim() });
    });
    sock.on("error", reject);
  });
}

beforeAll(async () => {
  for (const role of ["frontdesk", "backoffice", "complaints", "supervisor", "admin"] as Role[]) {
    const key = `kic_${crypto.randomBytes(16).toString("hex")}`;
    await db
      .insert(apiKeys)
      .values({
        name: `sec-mail ${role} ${uid()}`,
        role,
        prefix: key.slice(0, 8),
        keyHash: crypto.createHash("sha256").update(key).digest("hex"),
      });
    keys[role] = key;
    const [u] = await db
      .insert(users)
      .values({ email: `${role}.${uid()}@kic.example`, name: `${role} ${uid()}`, passwordHash: "x", role })
      .returning();
    actors[role] = { kind: "user", id: u.id, name: u.name, role, deskCodes: [] };
  }
  stopSmtp = await startSmtpListener({ port: SMTP, authservId: AUTHSERV });
  app = await startAppServer({ port: 43400 + Math.floor(Math.random() * 40), env: { SMTP_PORT: "0" } });
}, 120_000);

afterAll(async () => {
  client.close();
  await stopSmtp?.();
  await app?.stop();
});

describe("complaint mail stays with the complaints team (issue 11 item 7)", () => {
  const token = uid(); // in the person's address: on both their tickets
  const secret = uid(); // only in the complaint mail
  const from = `klager.${token}@example.org`;
  const complaintId = `<${uid()}@example.org>`;
  const secretSubject = `Klacht over loket ${secret}`;
  const secretText = `Medewerker X was onbeleefd, geheim-${secret}`;
  let complaintTicket: { id: string; number: number; queue: string };
  let ordinary: { id: string; number: number };
  let attachmentId = "";
  let rawId = "";
  let reference = "";

  beforeAll(async () => {
    await send({
      from,
      to: "klachten@ind.example",
      subject: secretSubject,
      text: secretText,
      messageId: complaintId,
      attachments: [{ filename: "bewijs.pdf", content: Buffer.from(`%PDF bewijs ${secret}`) }],
    });
    complaintTicket = await ticketOf(complaintId);
    const ordinaryId = `<${uid()}@example.org>`;
    await send({ from, subject: `Vraag over verlenging ${token}`, messageId: ordinaryId });
    ordinary = await ticketOf(ordinaryId);
    const [m] = await db.select().from(ticketMessages).where(eq(ticketMessages.messageId, complaintId));
    rawId = m.id;
    const { rows } = await db.execute<{ id: string }>(sql`select id from ticket_attachments where message_id = ${m.id}`);
    attachmentId = rows[0].id;
    reference = (await db.select().from(complaints).where(eq(complaints.inboundMessageId, m.id)))[0].reference;
  });

  it("is stored in the complaints queue and became a complaint in triage", async () => {
    expect(complaintTicket.queue).toBe("complaints");
    expect(reference).toMatch(/^K-/);
    expect((await db.select().from(tickets).where(eq(tickets.id, ordinary.id)))[0].queue).toBe("frontdesk");
  });

  it("frontdesk and backoffice cannot list, search, view, download or fetch the raw source of it over the API", async () => {
    const n = complaintTicket.number;
    for (const role of ["frontdesk", "backoffice"] as const) {
      for (const q of [`KIC-${n}`, token, secret, from]) {
        const list = await api(`/api/v1/tickets?status=all&q=${encodeURIComponent(q)}`, role);
        expect(list.status, `${role} ${q}`).toBe(200);
        const numbers = (await list.json()).items.map((i: { number: number }) => i.number);
        expect(numbers, `${role} searching ${q}`).not.toContain(n);
      }
      const queueFilter = await api(`/api/v1/tickets?status=all&queue=complaints`, role);
      expect((await queueFilter.json()).items, role).toEqual([]);
      expect((await api(`/api/v1/tickets/${n}`, role)).status, role).toBe(404);
      expect((await api(`/api/v1/tickets/${n}/attachments/${attachmentId}`, role)).status, role).toBe(404);
      expect((await api(`/api/v1/tickets/${n}/messages/${rawId}/raw`, role)).status, role).toBe(404);
      // nor through the presence heartbeat, nor by writing to it
      expect((await api(`/api/v1/tickets/${n}/presence`, role, { method: "POST", body: "{}" })).status, role).toBe(404);
      expect((await api(`/api/v1/tickets/${n}/notes`, role, { method: "POST", body: JSON.stringify({ body: "x" }) })).status, role).toBe(
        404,
      );
    }
    // the ordinary ticket of the same person is theirs to read
    expect((await api(`/api/v1/tickets/${ordinary.number}`, "frontdesk")).status).toBe(200);
  });

  it("the complaints team, supervisors and admins read it (thread, attachment, raw source) but nobody works it as a ticket", async () => {
    const n = complaintTicket.number;
    for (const role of ["complaints", "supervisor", "admin"] as const) {
      const view = await api(`/api/v1/tickets/${n}`, role);
      expect(view.status, role).toBe(200);
      const v = await view.json();
      expect(v).toMatchObject({ queue: "complaints", readOnly: true, complaint: { reference } });
      expect(v.messages[0].text).toContain(secretText);
      const att = await api(`/api/v1/tickets/${n}/attachments/${attachmentId}`, role);
      expect(att.status, role).toBe(200);
      expect(await att.text()).toBe(`%PDF bewijs ${secret}`);
      const raw = await api(`/api/v1/tickets/${n}/messages/${rawId}/raw`, role);
      expect(await raw.text()).toContain(secretSubject);
    }
    const list = await api(`/api/v1/tickets?status=all&q=${secret}`, "complaints");
    expect((await list.json()).items.map((i: { number: number }) => i.number)).toEqual([n]);
    // writes are refused with the rule's name, for supervisors and admins too
    for (const [p, body] of [
      [`/notes`, { body: "x" }],
      [`/replies`, { body: "x" }],
      [``, { status: "open" }],
      [`/merge`, { into: ordinary.number }],
    ] as const) {
      const r = await api(`/api/v1/tickets/${n}${p}`, "supervisor", { method: p ? "POST" : "PATCH", body: JSON.stringify(body) });
      expect(r.status, p).toBe(422);
      expect((await r.json()).error.code).toBe("complaint_mail");
    }
    // merging an agent's ticket into it is refused too, and no queue change reaches the complaints queue
    await expect(mergeTickets(actors.admin, ordinary.number, n)).rejects.toMatchObject({ status: 422, code: "complaint_mail" });
    const move = await api(`/api/v1/tickets/${ordinary.number}`, "supervisor", {
      method: "PATCH",
      body: JSON.stringify({ queue: "complaints" }),
    });
    expect(move.status).toBe(400);
    await expect(addNote(actors.complaints, n, "x")).rejects.toMatchObject({ status: 403 });
  });

  it("the database keeps tickets and messages from crossing into or out of the complaints queue", async () => {
    await expect(db.execute(sql`update tickets set queue = 'frontdesk' where id = ${complaintTicket.id}`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23514", constraint: "tickets_complaints_queue_sealed" }),
    });
    await expect(db.execute(sql`update tickets set queue = 'complaints' where id = ${ordinary.id}`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23514" }),
    });
    await expect(db.execute(sql`update ticket_messages set ticket_id = ${ordinary.id} where id = ${rawId}`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23514", constraint: "ticket_messages_complaints_sealed" }),
    });
    await expect(updateTicket(actors.supervisor, complaintTicket.number, { status: "open" })).rejects.toMatchObject({
      code: "complaint_mail",
    });
  });

  it("a tag cannot carry mail across: agents' mail naming the complaint ticket opens an agents' ticket, a follow-up to the complaint stays with it", async () => {
    const toAgents = `<${uid()}@example.org>`;
    await send({ from, subject: `Re: mijn klacht [KIC-${complaintTicket.number}]`, messageId: toAgents });
    const a = await ticketOf(toAgents);
    expect(a.number).not.toBe(complaintTicket.number);
    expect(a).toMatchObject({ queue: "frontdesk", linkedTicketId: null });
    const followUp = `<${uid()}@example.org>`;
    await send({ from, to: "klachten@ind.example", subject: `Re: ${secretSubject} [KIC-${complaintTicket.number}]`, messageId: followUp });
    expect((await ticketOf(followUp)).number).toBe(complaintTicket.number);
    const [c] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
    const timeline = await db.select().from(events).where(eq(events.entityId, c.id));
    expect(timeline.map((e) => e.action)).toContain("mail_received");
  });

  it("a frontdesk agent sees that a complaint exists in the person's history, not its text, subject or reference", async () => {
    const view = await api(`/api/v1/tickets/${ordinary.number}`, "frontdesk");
    const body = await view.text();
    const v = JSON.parse(body);
    const lines = v.history.filter((h: { type: string }) => h.type === "complaint");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ restricted: true, reference: "", title: "", status: "", href: "" });
    expect(body).not.toContain(secret); // neither the complaint's text nor its subject
    expect(body).not.toContain(reference);
    expect(v.history.map((h: { reference: string }) => h.reference)).not.toContain(`KIC-${complaintTicket.number}`);
    // the complaints team's and a supervisor's history show the complaint itself (the call screen pop and the complaint file use the same function)
    for (const role of ["supervisor", "complaints"] as const) {
      const h = await customerHistory(actors[role], v.customer.id);
      expect(
        h.find((x) => x.type === "complaint"),
        role,
      ).toMatchObject({ reference, title: expect.stringContaining(secret) });
    }
    const frontHistory = await customerHistory(actors.frontdesk, v.customer.id);
    expect(JSON.stringify(frontHistory)).not.toContain(secret);
    // the complaint file links its mail for the complaints team
    const file = await getComplaint(actors.complaints, reference);
    expect(file.related.map((r) => r.reference)).toContain(`KIC-${complaintTicket.number}`);
    // what the ticket service gives the frontdesk is the same as the API's
    const direct = await getTicket(actors.frontdesk, ordinary.number);
    expect(JSON.stringify(direct.history)).not.toContain(secret);
  });
});

describe("inbound mail from a non-participant (issue 11 item 9)", () => {
  it("a tagged mail from a stranger opens a new ticket linked to the named one; once merged, that address is a participant", async () => {
    const customer = `eigenaar.${uid()}@example.org`;
    const first = `<${uid()}@example.org>`;
    await send({ from: customer, subject: "Mijn aanvraag", messageId: first });
    const t = await ticketOf(first);
    await updateTicket(actors.backoffice, t.number, { queue: "backoffice" });
    // a stranger quoting the tag
    const stranger = `vreemde.${uid()}@example.org`;
    const strangers = `<${uid()}@example.org>`;
    const info = await send({
      from: stranger,
      subject: `Re: Mijn aanvraag [KIC-${t.number}]`,
      messageId: strangers,
      text: "Stuur mij de documenten.",
    });
    const s = await ticketOf(strangers);
    expect(s.number).not.toBe(t.number);
    expect(info.response).toContain(`KIC-${s.number}`);
    expect(s).toMatchObject({ linkedTicketId: t.id, queue: "backoffice", status: "new" });
    const thread = await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id));
    expect(thread.map((m) => m.fromAddress)).toEqual([customer]);
    // the named ticket's trail says where it went; its view links nothing of the stranger's text
    const trail = await db.select().from(events).where(eq(events.entityId, t.id));
    expect(trail.find((e) => e.action === "linked_mail_from_non_participant")?.data).toEqual({ ticket: `KIC-${s.number}` });
    // the customer's own mail with the tag still joins, also from a differently-cased address
    const own = `<${uid()}@example.org>`;
    await send({ from: customer.toUpperCase(), subject: `Re: Mijn aanvraag [KIC-${t.number}]`, messageId: own });
    expect((await ticketOf(own)).number).toBe(t.number);
    // an agent merges the stranger's ticket (it belonged there): the stranger has now written into the thread
    await mergeTickets(actors.backoffice, s.number, t.number);
    const again = `<${uid()}@example.org>`;
    await send({ from: stranger, subject: `Re: Mijn aanvraag [KIC-${t.number}]`, messageId: again });
    expect((await ticketOf(again)).number).toBe(t.number);
  });

  it("a stranger cannot join by naming our Message-ID either", async () => {
    const customer = `irt.${uid()}@example.org`;
    const first = `<${uid()}@example.org>`;
    await send({ from: customer, subject: "Vraag", messageId: first });
    const t = await ticketOf(first);
    const other = `<${uid()}@example.org>`;
    await send({ from: `derde.${uid()}@example.org`, subject: "Re: Vraag", inReplyTo: first, references: [first], messageId: other });
    expect(await ticketOf(other)).toMatchObject({ linkedTicketId: t.id });
  });
});

describe("the SMTP listener (issue 11 item 9)", () => {
  it("binds 127.0.0.1 by default and another address only when told", async () => {
    expect(parseEnv({}).SMTP_HOST).toBe("127.0.0.1");
    const port = 43350 + Math.floor(Math.random() * 20);
    // On Linux all of 127/8 is loopback: a socket bound to 0.0.0.0 answers on 127.0.0.2, one bound to 127.0.0.1 does not.
    const stop = await startSmtpListener({ port });
    try {
      const g = await greeting(port);
      g.sock.destroy();
      expect(g.line).toMatch(/^220 /);
      await expect(greeting(port, "127.0.0.2")).rejects.toMatchObject({ code: "ECONNREFUSED" });
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === "IPv4" && !i.internal);
      if (external) await expect(greeting(port, external.address)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      await stop?.();
    }
    const stopAll = await startSmtpListener({ port, host: "0.0.0.0" });
    try {
      const g = await greeting(port, "127.0.0.2");
      expect(g.line).toMatch(/^220 /);
      g.sock.destroy();
    } finally {
      await stopAll?.();
    }
  });

  it("refuses clients beyond SMTP_MAX_CLIENTS with 421", async () => {
    expect(parseEnv({}).SMTP_MAX_CLIENTS).toBe(20);
    const port = 43370 + Math.floor(Math.random() * 10);
    const stop = await startSmtpListener({ port, maxClients: 2 });
    const socks: net.Socket[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const g = await greeting(port);
        expect(g.line).toMatch(/^220 /);
        socks.push(g.sock);
      }
      const third = await greeting(port);
      socks.push(third.sock);
      expect(third.line).toMatch(/^421 /);
      // when one leaves, a new client is served again (once the server has seen it go)
      socks[0].destroy();
      let later = "";
      for (let i = 0; i < 50 && !later.startsWith("220"); i++) {
        await new Promise((r) => setTimeout(r, 100));
        const g = await greeting(port);
        socks.push(g.sock);
        later = g.line;
      }
      expect(later).toMatch(/^220 /);
    } finally {
      socks.forEach((s) => s.destroy());
      await stop?.();
    }
  });

  it("offers STARTTLS when a certificate is configured, and delivers over it", async () => {
    const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], { keySize: 2048 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smtp-tls-"));
    fs.writeFileSync(path.join(dir, "cert.pem"), pems.cert);
    fs.writeFileSync(path.join(dir, "key.pem"), pems.private);
    // the settings are two file paths, validated together
    expect(() => parseEnv({ SMTP_TLS_CERT: path.join(dir, "cert.pem") })).toThrow(/SMTP_TLS_KEY/);
    const port = 43380 + Math.floor(Math.random() * 10);
    const stop = await startSmtpListener({
      port,
      tls: { cert: fs.readFileSync(path.join(dir, "cert.pem")), key: fs.readFileSync(path.join(dir, "key.pem")) },
    });
    try {
      const tls = nodemailer.createTransport({
        host: "127.0.0.1",
        port,
        secure: false,
        requireTLS: true,
        tls: { ca: [pems.cert], servername: "localhost" },
      } as SMTPTransport.Options);
      const messageId = `<${uid()}@example.org>`;
      // requireTLS: nodemailer refuses to send unless the STARTTLS upgrade succeeded
      const info = await tls.sendMail({
        from: `tls.${uid()}@example.org`,
        to: "kic@ind.example",
        subject: "Over TLS",
        text: "Vertrouwelijk",
        messageId,
      });
      expect(info.response).toMatch(/^250 /);
      expect(await ticketOf(messageId)).toBeTruthy();
      tls.close();
      // and the plain listener does not offer it
      const g = await greeting(SMTP);
      const ehlo = await new Promise<string>((resolve) => {
        let buf = "";
        g.sock.on("data", (d) => {
          buf += d.toString();
          if (/^250 /m.test(buf)) resolve(buf);
        });
        g.sock.write("EHLO test\r\n");
      });
      g.sock.destroy();
      expect(ehlo).not.toMatch(/STARTTLS/);
      const g2 = await greeting(port);
      const ehlo2 = await new Promise<string>((resolve) => {
        let buf = "";
        g2.sock.on("data", (d) => {
          buf += d.toString();
          if (/^250 /m.test(buf)) resolve(buf);
        });
        g2.sock.write("EHLO test\r\n");
      });
      g2.sock.destroy();
      expect(ehlo2).toMatch(/250-STARTTLS/);
    } finally {
      await stop?.();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records SPF/DKIM/DMARC from the front MTA's Authentication-Results only, and shows them in the ticket view", async () => {
    const messageId = `<${uid()}@example.org>`;
    const from = `bank.${uid()}@example.org`;
    const raw = Buffer.from(
      [
        `Authentication-Results: ${AUTHSERV}; spf=pass smtp.mailfrom=${from}; dkim=fail header.d=example.org; dmarc=fail header.from=example.org`,
        `Received: from sender.example by ${AUTHSERV}`,
        // written by the sender: another id, and ours below the front MTA's (it would have stripped it)
        "Authentication-Results: evil.example; dmarc=pass",
        `Authentication-Results: ${AUTHSERV}; dmarc=pass`,
        `From: ${from}`,
        "To: kic@ind.example",
        "Subject: Betaling",
        `Message-ID: ${messageId}`,
        "",
        "Maak het bedrag over.",
        "",
      ].join("\r\n"),
    );
    await client.sendMail({ envelope: { from, to: ["kic@ind.example"] }, raw });
    const t = await ticketOf(messageId);
    const [m] = await db.select().from(ticketMessages).where(eq(ticketMessages.messageId, messageId));
    expect(m.authResults).toEqual({
      authservId: AUTHSERV,
      spf: "pass",
      spfDomain: "example.org",
      dkim: "fail",
      dkimDomain: "example.org",
      dmarc: "fail",
      fromDomain: "example.org",
    });
    const view = await (await api(`/api/v1/tickets/${t.number}`, "frontdesk")).json();
    expect(view.messages[0].authResults).toMatchObject({ dmarc: "fail", spf: "pass" });
    // the same headers through the webhook (an API caller, not our MTA) are not taken as verified
    const hookId = `<${uid()}@example.org>`;
    const hookRaw = Buffer.from(raw.toString().replace(messageId, hookId));
    const res = await fetch(`${app.url}/api/v1/inbound-email`, {
      method: "POST",
      body: hookRaw,
      headers: { authorization: `Bearer ${keys.frontdesk}`, "content-type": "message/rfc822" },
    });
    expect(res.status).toBe(201);
    const [h] = await db.select().from(ticketMessages).where(eq(ticketMessages.messageId, hookId));
    expect(h.authResults).toBeNull();
  });
});
