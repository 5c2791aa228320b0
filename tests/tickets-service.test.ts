import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { apiKeys, customers, ticketMessages, tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { createPhoneTicket } from "@/lib/tickets/create";
import { ingestEmail } from "@/lib/tickets/intake";
import { addNote, getTicket, listTickets, mergeTickets, replyToTicket, updateTicket } from "@/lib/tickets/service";
import { emailDaily, emailSummary, ticketHistory } from "@/lib/tickets/stats";
import { startAppServer, type AppServer } from "./helpers/app-server";

const uid = () => crypto.randomBytes(4).toString("hex");
const mime = (o: { from: string; subject: string; body?: string; messageId?: string; headers?: string }) =>
  Buffer.from(
    `From: ${o.from}\r\nTo: kic@ind.example\r\nSubject: ${o.subject}\r\nMessage-ID: ${o.messageId ?? `<${uid()}@example.org>`}\r\n${o.headers ?? ""}Content-Type: text/plain; charset=utf-8\r\n\r\n${o.body ?? "Beste IND, ik heb een vraag."}\r\n`,
  );

async function agent(role: "frontdesk" | "backoffice"): Promise<Actor> {
  const [u] = await db
    .insert(users)
    .values({ email: `${role}.${uid()}@kic.example`, name: `${role} ${uid()}`, passwordHash: "x", role })
    .returning();
  return { kind: "user", id: u.id, name: u.name, role, deskCodes: [] };
}

let front: Actor;
let back: Actor;
beforeAll(async () => {
  front = await agent("frontdesk");
  back = await agent("backoffice");
});

describe("ticket services", () => {
  it("frontdesk sees only the frontdesk queue", async () => {
    const r = await ingestEmail(mime({ from: `q.${uid()}@example.org`, subject: `Queue test ${uid()}` }), { to: ["kic@ind.example"] });
    const n = r.ticketNumber!;
    await updateTicket(back, n, { queue: "backoffice" });
    await expect(getTicket(front, n)).rejects.toMatchObject({ status: 404 });
    const list = await listTickets(front, { q: `KIC-${n}`, sort: "due", limit: 10, offset: 0, overdue: false });
    expect(list.items).toHaveLength(0);
    const list2 = await listTickets(back, { q: `KIC-${n}`, sort: "due", limit: 10, offset: 0, overdue: false });
    expect(list2.items.map((i) => i.number)).toEqual([n]);
    await expect(listTickets(null, { sort: "due", limit: 1, offset: 0, overdue: false })).rejects.toMatchObject({ status: 401 });
  });

  it("search finds subject, body text and customer address", async () => {
    const token = uid();
    const from = `zoek.${token}@example.org`;
    const r = await ingestEmail(mime({ from, subject: "Gewone vraag", body: `Mijn dossier heeft kenmerk Z${token}` }), {
      to: ["kic@ind.example"],
    });
    for (const q of [`Z${token}`, from, `zoek.${token}`]) {
      const l = await listTickets(back, { q, sort: "due", limit: 10, offset: 0, overdue: false });
      expect(
        l.items.map((i) => i.number),
        q,
      ).toEqual([r.ticketNumber]);
    }
  });

  it("pending stops the SLA clock and the customer's answer starts it again", async () => {
    const r = await ingestEmail(
      mime({ from: `p.${uid()}@example.org`, subject: "Pending test" }),
      { to: ["kic@ind.example"] },
      new Date("2027-03-01T09:00:00+01:00"),
    );
    const n = r.ticketNumber!;
    const before = (await db.select().from(tickets).where(eq(tickets.number, n)))[0];
    expect(before.firstResponseDueAt!.toISOString()).toBe(new Date("2027-03-03T09:00:00+01:00").toISOString());
    await updateTicket(back, n, { status: "pending" }, new Date("2027-03-01T10:00:00+01:00"));
    await updateTicket(back, n, { status: "open" }, new Date("2027-03-02T10:00:00+01:00")); // 9 working hours paused
    const after = (await db.select().from(tickets).where(eq(tickets.number, n)))[0];
    expect(after.firstResponseDueAt!.toISOString()).toBe(new Date("2027-03-04T09:00:00+01:00").toISOString());
    expect(after.pausedAt).toBeNull();
  });

  it("a reply over a newer version is refused with what changed; notes and merge keep the thread", async () => {
    const from = `m.${uid()}@example.org`;
    const a = (await ingestEmail(mime({ from, subject: "Eerste" }), { to: ["kic@ind.example"] })).ticketNumber!;
    const b = (await ingestEmail(mime({ from, subject: "Tweede" }), { to: ["kic@ind.example"] })).ticketNumber!;
    const opened = await getTicket(back, a);
    await addNote(front, a, "Even checken");
    const err = await replyToTicket(back, a, { body: "Antwoord", expectedVersion: opened.version }).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: "stale_ticket" });
    expect(err.fields).toMatchObject({ newMessages: "1", currentVersion: String(opened.version + 1) });
    expect(err.message).toContain("new note");
    await mergeTickets(back, b, a);
    const merged = await getTicket(back, a);
    expect(merged.messages.filter((m) => m.direction === "in")).toHaveLength(2);
    expect((await db.select().from(tickets).where(eq(tickets.number, b)))[0]).toMatchObject({ status: "closed" });
    await expect(mergeTickets(back, a, a)).rejects.toMatchObject({ status: 400 });
    await expect(mergeTickets(back, a, b)).rejects.toMatchObject({ status: 422 });
    // a mail quoting the merged ticket's tag lands on the target
    const r = await ingestEmail(mime({ from, subject: `Re: Tweede [KIC-${b}]` }), { to: ["kic@ind.example"] });
    expect(r.ticketNumber).toBe(a);
  });

  it("phone tickets and the stats contracts", async () => {
    const [c] = await db
      .insert(customers)
      .values({ name: "Bel Klant", email: `bel.${uid()}@example.org` })
      .returning();
    const { number } = await createPhoneTicket(front, {
      customerId: c.id,
      subject: "Teruggebeld",
      body: "Klant vraagt naar status",
      queue: "frontdesk",
      callId: 42,
    });
    const [t] = await db.select().from(tickets).where(eq(tickets.number, number));
    expect(t).toMatchObject({ channel: "phone", callId: 42, customerId: c.id, status: "open" });
    expect((await db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id)))[0].textBody).toBe("Klant vraagt naar status");
    const h = await ticketHistory(c.id, ["frontdesk"]);
    expect(h[0]).toMatchObject({ type: "ticket", reference: `KIC-${number}`, href: `/agent/tickets/${number}` });
    const today = new Date().toISOString().slice(0, 10);
    const s = await emailSummary({ from: "2020-01-01", to: "2030-12-31" });
    expect(s.received).toBeGreaterThan(0);
    expect(s.open).toBeGreaterThan(0);
    const days = await emailDaily({ from: today, to: today });
    expect(days).toHaveLength(1);
  });
});

describe("HTTP API (needs the production build)", () => {
  let app: AppServer | undefined;
  let frontKey = "";
  const built = (() => {
    try {
      require("node:fs").accessSync(require("node:path").resolve(__dirname, "../.next/BUILD_ID"));
      return true;
    } catch {
      return false;
    }
  })();
  beforeAll(async () => {
    if (!built) return;
    frontKey = `kic_${crypto.randomBytes(16).toString("hex")}`;
    await db
      .insert(apiKeys)
      .values({
        name: "t",
        role: "frontdesk",
        prefix: frontKey.slice(0, 8),
        keyHash: crypto.createHash("sha256").update(frontKey).digest("hex"),
      });
    app = await startAppServer({ port: 42200 + Math.floor(Math.random() * 40), env: { SMTP_PORT: "0" } });
  }, 120_000);
  afterAll(async () => app?.stop());

  it.skipIf(!built)("inbound-email webhook feeds the same path; the tickets API checks the key and the queue", async () => {
    const token = uid();
    const raw = mime({ from: `hook.${token}@example.org`, subject: `Webhook ${token}` });
    expect((await fetch(`${app!.url}/api/v1/inbound-email`, { method: "POST", body: raw })).status).toBe(401);
    const res = await fetch(`${app!.url}/api/v1/inbound-email`, {
      method: "POST",
      body: raw,
      headers: { authorization: `Bearer ${frontKey}`, "content-type": "message/rfc822" },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ duplicate: false, action: "new", acknowledged: true });
    const again = await fetch(`${app!.url}/api/v1/inbound-email`, {
      method: "POST",
      body: raw,
      headers: { authorization: `Bearer ${frontKey}` },
    });
    expect(await again.json()).toMatchObject({ duplicate: true, ticketNumber: body.ticketNumber });
    const list = await fetch(`${app!.url}/api/v1/tickets?q=${encodeURIComponent(`Webhook ${token}`)}`, {
      headers: { authorization: `Bearer ${frontKey}` },
    });
    const json = await list.json();
    expect(json.items.map((i: { number: number }) => i.number)).toEqual([body.ticketNumber]);
    const one = await fetch(`${app!.url}/api/v1/tickets/KIC-${body.ticketNumber}`, { headers: { authorization: `Bearer ${frontKey}` } });
    expect((await one.json()).messages).toHaveLength(1);
    const bad = await fetch(`${app!.url}/api/v1/tickets?status=bogus`, { headers: { authorization: `Bearer ${frontKey}` } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.status).toBeTruthy();
    const patch = await fetch(`${app!.url}/api/v1/tickets/${body.ticketNumber}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "nope" }),
      headers: { authorization: `Bearer ${frontKey}`, "content-type": "application/json" },
    });
    expect(patch.status).toBe(400);
  });
});

describe("audit", () => {
  it("reading a ticket logs the read of the person once per agent per ten minutes", async () => {
    const from = `audit.${uid()}@example.org`;
    const r = await ingestEmail(mime({ from, subject: "Audit" }), { to: ["kic@ind.example"] });
    await getTicket(back, r.ticketNumber!);
    await getTicket(back, r.ticketNumber!);
    const { rows } = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from events e join customers c on e.data->'customers' ? c.id::text
      where e.entity_type = 'ticket' and e.entity_id = ${String(r.ticketNumber)} and e.action = 'read' and c.email = ${from}`);
    expect(rows[0].n).toBe(1);
  });
});
