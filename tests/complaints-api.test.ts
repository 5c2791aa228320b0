import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// No pg-boss in these tests: waking the outbox worker is best effort anyway.
vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));
// Route handlers are called directly with an API key (Authorization: Bearer), so no next-auth session.
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next/navigation", () => ({ redirect: () => undefined, forbidden: () => undefined }));

import { closeDb, db } from "@/db/client";
import { apiKeys, calls, complaintLetters, complaints, outboundEmails, users } from "@/db/schema";
import * as list from "@/app/api/v1/complaints/route";
import * as one from "@/app/api/v1/complaints/[reference]/route";
import * as stepRoute from "@/app/api/v1/complaints/[reference]/[step]/route";
import * as statusRoute from "@/app/api/v1/complaints/status/route";
import * as importRoute from "@/app/api/v1/complaints/import/route";
import * as registerRoute from "@/app/api/v1/complaints/register/route";
import { hashApiKey } from "@/lib/auth/actor";
import { addDays } from "@/lib/calendar/dates";
import { atwCalendar, statutoryDeadline } from "@/lib/complaints/deadline";
import { todayNl } from "@/lib/complaints/service";

const run = crypto.randomBytes(3).toString("hex");
const keys: Record<string, string> = {};
let handlerId = "";
const cal = atwCalendar();
const today = todayNl();

async function makeKey(role: string) {
  const key = `kic_test_${role}_${run}_${crypto.randomBytes(6).toString("hex")}`;
  await db.insert(apiKeys).values({ name: `${role}-${run}`, role: role as "admin", prefix: key.slice(0, 8), keyHash: hashApiKey(key) });
  keys[role] = key;
}

type Res = { status: number; body: any };
// In-process calls: the client address arrives in the header the web server sets (scripts/web-server.ts).
async function call(
  handler: (req: Request, ctx: { params: Promise<any> }) => Promise<Response>,
  method: string,
  url: string,
  opts: { body?: unknown; raw?: string; role?: string; params?: Record<string, string>; ip?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = {
    "content-type": opts.raw !== undefined ? "text/csv" : "application/json",
    "x-kic-client-ip": opts.ip ?? `10.${run.length}.0.1`,
  };
  if (opts.role) headers.authorization = `Bearer ${keys[opts.role]}`;
  const req = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, body: type.includes("json") ? await res.json() : await res.text() };
}

const stepCall = (reference: string, step: string, body: unknown, role = "complaints") =>
  call(stepRoute.POST, "POST", `/api/v1/complaints/${reference}/${step}`, { body, role, params: { reference, step } });

async function agentComplaint(receivedOn: string, extra: Record<string, unknown> = {}) {
  const r = await call(list.POST, "POST", "/api/v1/complaints", {
    role: "frontdesk",
    body: {
      name: `Test ${run}`,
      email: `k-${run}-${crypto.randomBytes(3).toString("hex")}@example.org`,
      description: "Lang wachten op beslissing",
      channel: "letter",
      receivedOn,
      ...extra,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { reference: string; deadline: string; status: string; receivedOn: string };
}

beforeAll(async () => {
  for (const role of ["frontdesk", "complaints", "supervisor", "desk"]) await makeKey(role);
  const [u] = await db
    .insert(users)
    .values({ email: `handler-${run}@kic.example`, name: `Hanna Handler ${run}`, passwordHash: "x", role: "complaints" })
    .returning({ id: users.id });
  handlerId = u.id;
});
afterAll(async () => closeDb());

describe("POST /api/v1/complaints", () => {
  it("public: received today, acknowledgement queued in the complainant's language, reference and deadline returned", async () => {
    const email = `pub-${run}@example.org`;
    const r = await call(list.POST, "POST", "/api/v1/complaints", {
      body: { name: "Jane Doe", email, description: "My application has taken eight months already.", language: "en" },
    });
    expect(r.status).toBe(201);
    expect(r.body.reference).toMatch(/^K-\d{4}-\d{5,}$/);
    expect(r.body.receivedOn).toBe(today);
    expect(r.body.deadline).toBe(statutoryDeadline(today, false, cal).deadline);
    const mails = await db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "complaint.acknowledgement", language: "en" });
    expect(mails[0].textBody).toContain(r.body.reference);
    expect(mails[0].textBody).toContain(r.body.deadline);
    const [c] = await db.select().from(complaints).where(eq(complaints.reference, r.body.reference));
    expect(c.acknowledgedOn).toBe(today);
  });

  it("public: bad input names the fields and changes nothing", async () => {
    const before = await db.$count(complaints);
    const r = await call(list.POST, "POST", "/api/v1/complaints", { body: { name: "", email: "nope", description: "x" } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(expect.arrayContaining(["name", "email", "description"]));
    expect(await db.$count(complaints)).toBe(before);
  });

  it("public: rate-limited per IP", async () => {
    const ip = `10.99.${Math.floor(Math.random() * 200)}.7`;
    let last: Res | undefined;
    for (let i = 0; i < 11; i++) last = await call(list.POST, "POST", "/api/v1/complaints", { ip, body: { name: "", description: "" } });
    expect(last!.status).toBe(429);
  });

  it("public multipart with attachments: stored with size and sha256; too large is 413; bad type is 400", async () => {
    const mk = (files: { name: string; type: string; data: Buffer }[]) => {
      const fd = new FormData();
      fd.set("name", "Att Tester");
      fd.set("email", `att-${run}-${crypto.randomBytes(2).toString("hex")}@example.org`);
      fd.set("description", "See the attached letter about my case.");
      for (const f of files) fd.append("attachments", new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
      return list.POST(
        new Request("http://localhost/api/v1/complaints", {
          method: "POST",
          body: fd,
          headers: { "x-kic-client-ip": `10.77.${run.length}.3` },
        }),
        { params: Promise.resolve({}) },
      );
    };
    const ok = await mk([{ name: "brief.txt", type: "text/plain", data: Buffer.from("hello") }]);
    expect(ok.status).toBe(201);
    const { reference } = await ok.json();
    const [row] = (
      await db.execute(
        sql`select a.size, a.sha256 from complaint_attachments a join complaints c on c.id = a.complaint_id where c.reference = ${reference}`,
      )
    ).rows as { size: number; sha256: string }[];
    expect(row).toEqual({ size: 5, sha256: crypto.createHash("sha256").update("hello").digest("hex") });
    expect((await mk([{ name: "big.pdf", type: "application/pdf", data: Buffer.alloc(10 * 1024 * 1024 + 1, 1) }])).status).toBe(413);
    expect((await mk([{ name: "x.exe", type: "application/x-msdownload", data: Buffer.from("MZ") }])).status).toBe(400);
  });

  it("agent with a past receivedOn gets the deadline the rules give (across Easter)", async () => {
    const c = await agentComplaint("2026-02-20");
    expect(c).toMatchObject({ receivedOn: "2026-02-20", deadline: "2026-04-07", status: "open" });
    const got = await call(one.GET, "GET", `/api/v1/complaints/${c.reference}`, { role: "complaints", params: { reference: c.reference } });
    expect(got.status).toBe(200);
    expect(got.body.deadlineBasis.en).toContain("Easter Monday");
    expect(got.body.timeline[0].action).toBe("received");
  });

  it("agent: receivedOn in the future → 422 date_in_future; a desk role may not register", async () => {
    const r = await call(list.POST, "POST", "/api/v1/complaints", {
      role: "frontdesk",
      body: { name: "X", email: "x@example.org", description: "d", channel: "phone", receivedOn: addDays(today, 1) },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("date_in_future");
    const d = await call(one.GET, "GET", "/api/v1/complaints/K-0", { role: "desk", params: { reference: "K-0" } });
    expect(d.status).toBe(403);
  });

  it("agent: links the call it came in on", async () => {
    const [call0] = await db.insert(calls).values({ source: "manual", offeredAt: new Date(), direction: "in" }).returning({ id: calls.id });
    const c = await agentComplaint(today, { channel: "phone", callId: call0.id });
    const [row] = await db.select().from(calls).where(eq(calls.id, call0.id));
    const [cc] = await db.select().from(complaints).where(eq(complaints.reference, c.reference));
    expect(row.complaintId).toBe(cc.id);
  });
});

describe("steps", () => {
  it("acknowledge: future date and before receipt refused; then done once", async () => {
    const c = await agentComplaint(addDays(today, -3));
    expect((await stepCall(c.reference, "acknowledge", { sentOn: addDays(today, 1) })).body.error.code).toBe("date_in_future");
    expect((await stepCall(c.reference, "acknowledge", { sentOn: addDays(today, -4) })).body.error.code).toBe("date_before_receipt");
    const ok = await stepCall(c.reference, "acknowledge", { sentOn: today });
    expect(ok.status).toBe(200);
    expect(ok.body.acknowledgedOn).toBe(today);
    expect((await stepCall(c.reference, "acknowledge", { sentOn: today })).status).toBe(409);
    expect((await stepCall(c.reference, "acknowledge", { sentOn: "2026-13-01" })).status).toBe(400);
  });

  it("postpone: four weeks allowed, four weeks and a day refused, only once; letters to complainant and person concerned", async () => {
    const c = await agentComplaint(addDays(today, -2), { personConcerned: "Afdeling Verblijf" });
    const tooFar = await stepCall(c.reference, "postpone", { until: addDays(c.deadline, 29), noticeSentOn: today });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error.code).toBe("awb_9_11_postpone_max_4_weeks");
    const ok = await stepCall(c.reference, "postpone", { until: addDays(c.deadline, 28), noticeSentOn: today });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.deadline >= addDays(c.deadline, 28)).toBe(true);
    expect(ok.body.deadlineBasis.en).toContain(`postponed with notice on ${today}`);
    const letters = await db.select().from(complaintLetters).where(eq(complaintLetters.complaintId, ok.body.id));
    expect(letters.map((l) => `${l.kind}:${l.recipient}`).sort()).toEqual(["postponement:complainant", "postponement:person_concerned"]);
    expect((await stepCall(c.reference, "postpone", { until: addDays(ok.body.deadline, 7), noticeSentOn: today })).body.error.code).toBe(
      "awb_9_11_postpone_once",
    );
    // Further only with consent
    const consent = await stepCall(c.reference, "consent-postpone", { until: addDays(ok.body.deadline, 60), consentOn: today });
    expect(consent.status).toBe(200);
    expect(consent.body.deadline >= addDays(ok.body.deadline, 60)).toBe(true);
    expect((await stepCall(c.reference, "consent-postpone", { until: addDays(today, 3), consentOn: today })).body.error.code).toBe(
      "postpone_not_later",
    );
  });

  // Issue 12 renamed the code to name the paragraph (awb_9_11_2_…); the old one is still sent in `aliases`.
  it("postpone after the deadline passed → awb_9_11_2_postpone_after_deadline (alias awb_9_11_postpone_after_deadline)", async () => {
    const c = await agentComplaint("2026-02-20"); // deadline 2026-04-07, long past
    const r = await stepCall(c.reference, "postpone", { until: "2026-05-01", noticeSentOn: today });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_11_2_postpone_after_deadline");
    expect(r.body.error.aliases).toEqual(["awb_9_11_postpone_after_deadline"]);
  });

  it("decline: within four weeks of receipt; later refused", async () => {
    const late = await agentComplaint("2026-02-20");
    const r = await stepCall(late.reference, "decline", { reason: "over_a_year", sentOn: today });
    expect(r.body.error.code).toBe("awb_9_8_decline_after_4_weeks");
    const c = await agentComplaint(addDays(today, -5));
    const ok = await stepCall(c.reference, "decline", { reason: "before_court", sentOn: today });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "closed", closedAs: "declined", closedOn: today, onTime: true });
    expect((await stepCall(c.reference, "acknowledge", { sentOn: today })).body.error.code).toBe("complaint_closed");
  });

  it("resolve informally: closes and logs the call (spec 03)", async () => {
    const c = await agentComplaint(addDays(today, -1));
    expect((await stepCall(c.reference, "resolve-informally", { on: addDays(today, -2), note: "x" })).body.error.code).toBe(
      "date_before_receipt",
    );
    const ok = await stepCall(c.reference, "resolve-informally", { on: today, note: "Gebeld, uitgelegd, klager tevreden" });
    expect(ok.body).toMatchObject({ status: "closed", closedAs: "informal" });
    const logged = await db.select().from(calls).where(eq(calls.complaintId, ok.body.id));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ source: "manual", direction: "out", result: "answered", topic: "complaint" });
  });

  it("hearing and decide: decision before receipt, future, missing hearing refused; decision closes with the ombudsman letter", async () => {
    const c = await agentComplaint(addDays(today, -3));
    await stepCall(c.reference, "acknowledge", { sentOn: today });
    expect((await stepCall(c.reference, "decide", { outcome: "founded", reasons: "r", sentOn: today })).body.error.code).toBe(
      "awb_9_10_hearing_missing",
    );
    expect((await stepCall(c.reference, "hearing", { on: addDays(today, 1), report: "r" })).body.error.code).toBe("date_in_future");
    expect((await stepCall(c.reference, "hearing", { report: "r", skippedBecause: "complainant_waived" })).status).toBe(400);
    expect((await stepCall(c.reference, "hearing", { on: addDays(today, 2) })).body.hearing.on).toBe(addDays(today, 2));
    const h = await stepCall(c.reference, "hearing", { on: today, report: "Klager gehoord; wachttijd bevestigd." });
    expect(h.body.hearing.report).toContain("gehoord");
    expect((await stepCall(c.reference, "decide", { outcome: "founded", reasons: "r", sentOn: addDays(today, -4) })).body.error.code).toBe(
      "decision_before_receipt",
    );
    expect((await stepCall(c.reference, "decide", { outcome: "founded", reasons: "r", sentOn: addDays(today, 1) })).body.error.code).toBe(
      "date_in_future",
    );
    expect((await stepCall(c.reference, "decide", { outcome: "wrong", reasons: "r", sentOn: today })).status).toBe(400);
    const ok = await stepCall(c.reference, "decide", {
      outcome: "partly_founded",
      reasons: "De behandeling duurde te lang.",
      sentOn: today,
    });
    expect(ok.body).toMatchObject({
      status: "closed",
      closedAs: "decided",
      closedOn: today,
      onTime: true,
      decision: { outcome: "partly_founded" },
    });
    const [letter] = await db
      .select()
      .from(complaintLetters)
      .where(sql`${complaintLetters.complaintId} = ${ok.body.id} and kind = 'decision'`);
    expect(letter.body).toContain("Nationale ombudsman");
    expect(letter.body).toContain("binnen een jaar");
  });

  it("supervisors read but do not take steps; the desk role gets 403", async () => {
    const c = await agentComplaint(today);
    expect((await stepCall(c.reference, "acknowledge", { sentOn: today }, "supervisor")).status).toBe(403);
    expect((await stepCall(c.reference, "acknowledge", { sentOn: today }, "desk")).status).toBe(403);
    expect((await call(one.GET, "GET", "/", { role: "supervisor", params: { reference: c.reference } })).status).toBe(200);
  });
});

describe("PATCH", () => {
  // Issue 12: the committee may only be switched on before the six-week deadline (Awb 9:14); the old test
  // switched it on for a complaint received 2026-03-02, long after its six weeks, so it now uses a recent one.
  it("assigns, warns when the handler is the person concerned (Awb 9:7), and the committee makes it ten weeks", async () => {
    const receivedOn = addDays(today, -10);
    const c = await agentComplaint(receivedOn, { personConcerned: `Hanna Handler ${run}` });
    const r = await call(one.PATCH, "PATCH", "/", { role: "complaints", params: { reference: c.reference }, body: { handlerId } });
    expect(r.status).toBe(200);
    expect(r.body.warnings.map((w: { code: string }) => w.code)).toEqual(["awb_9_7_handler_is_person_concerned"]);
    const t = await call(one.PATCH, "PATCH", "/", {
      role: "complaints",
      params: { reference: c.reference },
      body: { advisoryCommittee: true },
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body.deadline).toBe(statutoryDeadline(receivedOn, true, cal).deadline);
    const l = await call(list.GET, "GET", `/api/v1/complaints?handler=${handlerId}`, { role: "complaints" });
    expect(l.body.items.map((i: { reference: string }) => i.reference)).toContain(c.reference);
    expect(l.body.counts).toMatchObject({ open: expect.any(Number), notAcknowledged: expect.any(Number), noHandler: expect.any(Number) });
  });
});

describe("status lookup", () => {
  it("reference + email shows status and expected date; a wrong email is 404", async () => {
    const email = `look-${run}@example.org`;
    const c = await agentComplaint(today, { email });
    const ok = await call(statusRoute.POST, "POST", "/", { body: { reference: c.reference.toLowerCase(), email: email.toUpperCase() } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ reference: c.reference, status: "open", expectedBy: c.deadline });
    expect(ok.body.complainant).toBeUndefined();
    expect((await call(statusRoute.POST, "POST", "/", { body: { reference: c.reference, email: "other@example.org" } })).status).toBe(404);
  });
});

describe("import and register", () => {
  it("reports bad rows by line; a second import adds nothing", async () => {
    const csv = [
      "reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome",
      `OLD-${run}-1,2025-03-03,letter,2025-03-05,,2025-04-10,founded`,
      `OLD-${run}-2,2025-13-01,letter,,,,`,
      `OLD-${run}-3,2025-03-03,fax,,,,`,
      `OLD-${run}-4,2025-03-03,web,,2025-05-01,2025-04-30,unfounded`,
      `OLD-${run}-5,2025-03-03,email,,,2025-03-01,informal`,
      `OLD-${run}-6,2025-06-02,phone,,,,`,
    ].join("\n");
    const first = await call(importRoute.POST, "POST", "/", { role: "supervisor", raw: csv });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 6, imported: 3, alreadyPresent: 0 });
    expect(first.body.errors.map((e: { line: number; errors: object }) => [e.line, Object.keys(e.errors)])).toEqual([
      [3, ["receivedOn"]],
      [4, ["channel"]],
      [6, ["closedOn"]],
    ]);
    const again = await call(importRoute.POST, "POST", "/", { role: "supervisor", raw: csv });
    expect(again.body).toMatchObject({ imported: 0, alreadyPresent: 3 });
    expect((await call(importRoute.POST, "POST", "/", { role: "complaints", raw: csv })).status).toBe(403);
    const [imp] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.reference, `OLD-${run}-4`));
    expect(imp).toMatchObject({ deadline: "2025-05-01", closedOn: "2025-04-30", outcome: "unfounded", status: "closed" });
  });

  it("the register (9:12a) as JSON and CSV", async () => {
    const j = await call(registerRoute.GET, "GET", "/api/v1/complaints/register?year=2025", { role: "complaints" });
    expect(j.status).toBe(200);
    expect(j.body.items.find((i: { reference: string }) => i.reference === `OLD-${run}-1`)).toMatchObject({
      onTime: true,
      outcome: "founded",
    });
    const c = await call(registerRoute.GET, "GET", "/api/v1/complaints/register?year=2025&format=csv", { role: "complaints" });
    expect(c.body.split("\r\n")[0]).toBe("reference,receivedOn,channel,subject,status,closedAs,outcome,deadline,closedOn,onTime");
    expect(c.body).toContain(`OLD-${run}-1,2025-03-03,letter,other,closed,decided,founded,2025-04-14,2025-04-10,yes`);
  });
});
