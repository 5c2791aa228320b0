import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Issue 12: the Awb and the Algemene termijnenwet exactly — through the API (route handlers with API keys).
vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next/navigation", () => ({ redirect: () => undefined, forbidden: () => undefined }));

import { closeDb, db } from "@/db/client";
import { apiKeys, complaintLetters, complaints } from "@/db/schema";
import * as list from "@/app/api/v1/complaints/route";
import * as one from "@/app/api/v1/complaints/[reference]/route";
import * as stepRoute from "@/app/api/v1/complaints/[reference]/[step]/route";
import * as categoriesRoute from "@/app/api/v1/complaints/categories/route";
import * as categoryRoute from "@/app/api/v1/complaints/categories/[key]/route";
import * as publicationRoute from "@/app/api/v1/complaints/publication/route";
import * as registerRoute from "@/app/api/v1/complaints/register/route";
import * as atwDaysRoute from "@/app/api/v1/admin/calendars/atw-days/route";
import * as atwDayRoute from "@/app/api/v1/admin/calendars/atw-days/[id]/route";
import * as closedDaysRoute from "@/app/api/v1/admin/calendars/closed-days/route";
import * as closedDayRoute from "@/app/api/v1/admin/calendars/closed-days/[id]/route";
import * as summaryRoute from "@/app/api/v1/dashboard/summary/route";
import { hashApiKey } from "@/lib/auth/actor";
import { addDays } from "@/lib/calendar/dates";
import { atwCalendar, statutoryDeadline } from "@/lib/complaints/deadline";
import { todayNl } from "@/lib/complaints/service";
import { createTestDesk, query } from "./helpers/appointments-fixtures";

const run = crypto.randomBytes(3).toString("hex");
const keys: Record<string, string> = {};
const cal = atwCalendar();
const today = todayNl();

type Res = { status: number; body: any };
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;
async function call(
  handler: Handler,
  method: string,
  url: string,
  opts: { body?: unknown; role?: string; params?: Record<string, string> } = {},
): Promise<Res> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "10.12.0.1" };
  if (opts.role) headers.authorization = `Bearer ${keys[opts.role]}`;
  const req = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, body: type.includes("json") ? await res.json() : await res.text() };
}
const stepCall = (reference: string, step: string, body: unknown, role = "complaints") =>
  call(stepRoute.POST, "POST", `/api/v1/complaints/${reference}/${step}`, { body, role, params: { reference, step } });
const getFile = async (reference: string) =>
  (await call(one.GET, "GET", `/api/v1/complaints/${reference}`, { role: "complaints", params: { reference } })).body;
const lettersOf = (id: string) => db.select().from(complaintLetters).where(eq(complaintLetters.complaintId, id));

async function register(receivedOn: string, extra: Record<string, unknown> = {}) {
  const r = await call(list.POST, "POST", "/api/v1/complaints", {
    role: "complaints",
    body: {
      name: `Law ${run}`,
      email: `law-${run}-${crypto.randomBytes(3).toString("hex")}@example.org`,
      description: "Mijn aanvraag duurt te lang",
      channel: "letter",
      receivedOn,
      ...extra,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { reference: string; deadline: string };
}

beforeAll(async () => {
  for (const role of ["frontdesk", "complaints", "supervisor", "admin"]) {
    const key = `kic_law_${role}_${run}_${crypto.randomBytes(6).toString("hex")}`;
    await db
      .insert(apiKeys)
      .values({ name: `law-${role}-${run}`, role: role as "admin", prefix: key.slice(0, 8), keyHash: hashApiKey(key) });
    keys[role] = key;
  }
});
afterAll(async () => closeDb());

describe("refused sequences: a 422 whose code names the rule, and nothing changes", () => {
  it("Awb 9:11(2): a late postponement with a back-dated notice → awb_9_11_2_postpone_after_deadline", async () => {
    const c = await register(addDays(today, -60));
    expect(c.deadline < today).toBe(true);
    const before = await getFile(c.reference);
    const r = await stepCall(c.reference, "postpone", { until: addDays(c.deadline, 20), noticeSentOn: addDays(c.deadline, -1) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_11_2_postpone_after_deadline");
    const after = await getFile(c.reference);
    expect(after.deadline).toBe(before.deadline);
    expect(after.postponement).toBeNull();
    expect(after.letters).toEqual([]);
  });

  it("Awb 9:11(2): the notice is dated the day the app sends it → awb_9_11_2_notice_dated_today", async () => {
    const c = await register(addDays(today, -3));
    const r = await stepCall(c.reference, "postpone", { until: addDays(c.deadline, 7), noticeSentOn: addDays(today, -1) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_11_2_notice_dated_today");
    expect(r.body.error.fields).toHaveProperty("noticeSentOn");
  });

  it("Awb 9:11(2) after 9:11(3): unilateral postponement after a consent-based one → awb_9_11_2_unilateral_after_consent", async () => {
    const c = await register(addDays(today, -3));
    const consent = await stepCall(c.reference, "consent-postpone", { until: addDays(c.deadline, 21), consentOn: today });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    const r = await stepCall(c.reference, "postpone", { until: addDays(consent.body.deadline, 7) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_11_2_unilateral_after_consent");
    expect((await getFile(c.reference)).deadline).toBe(consent.body.deadline);
  });

  it("Awb 9:11(3): a consent recorded after the deadline passed → awb_9_11_3_consent_after_deadline", async () => {
    const c = await register(addDays(today, -60));
    const r = await stepCall(c.reference, "consent-postpone", { until: addDays(today, 30), consentOn: today });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_11_3_consent_after_deadline");
  });

  it("Awb 9:14: the advisory committee after the six-week deadline → awb_9_14_committee_after_deadline", async () => {
    const c = await register(addDays(today, -50));
    const r = await call(one.PATCH, "PATCH", "/", {
      role: "complaints",
      params: { reference: c.reference },
      body: { advisoryCommittee: true },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("awb_9_14_committee_after_deadline");
    const f = await getFile(c.reference);
    expect(f).toMatchObject({ advisoryCommittee: false, deadline: c.deadline });
  });
});

describe("postponement, committee and the order of steps", () => {
  it("the notice is dated today and goes to the complainant and the unit the complaint is about (Awb 9:11(2))", async () => {
    const c = await register(addDays(today, -5), { personConcerned: `Afdeling Verblijf ${run}` });
    const ok = await stepCall(c.reference, "postpone", { until: addDays(c.deadline, 28) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.postponement).toEqual({ until: addDays(c.deadline, 28), noticeSentOn: today });
    expect(ok.body.deadlineSteps).toEqual([{ kind: "postponed", until: addDays(c.deadline, 28), noticeSentOn: today }]);
    const letters = await lettersOf(ok.body.id);
    expect(letters.map((l) => [l.kind, l.recipient, l.sentOn, l.toAddress])).toEqual(
      expect.arrayContaining([
        ["postponement", "complainant", today, expect.stringContaining("@example.org")],
        ["postponement", "person_concerned", today, `Afdeling Verblijf ${run}`],
      ]),
    );
  });

  it("the committee gives ten weeks from receipt and never less than the deadline in force (Awb 9:14)", async () => {
    const c = await register(addDays(today, -3));
    const consent = await stepCall(c.reference, "consent-postpone", { until: addDays(c.deadline, 60), consentOn: today });
    const ten = statutoryDeadline(addDays(today, -3), true, cal).deadline;
    expect(consent.body.deadline > ten).toBe(true);
    const r = await call(one.PATCH, "PATCH", "/", {
      role: "complaints",
      params: { reference: c.reference },
      body: { advisoryCommittee: true },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deadline).toBe(consent.body.deadline);
    expect(r.body.deadlineSteps.map((s: { kind: string }) => s.kind)).toEqual(["consent", "committee"]);
    const d = await register(addDays(today, -3));
    const t = await call(one.PATCH, "PATCH", "/", {
      role: "complaints",
      params: { reference: d.reference },
      body: { advisoryCommittee: true },
    });
    expect(t.body.deadline).toBe(ten);
  });
});

describe("hearing (Awb 9:10)", () => {
  it("skipping needs one of the three grounds of 9:10(2); the invitation goes to everyone offered a hearing", async () => {
    const c = await register(addDays(today, -2), { personConcerned: `Loket Zwolle ${run}` });
    const free = await stepCall(c.reference, "hearing", { skippedBecause: "Klager wilde niet" });
    expect(free.status).toBe(400);
    expect(free.body.error.fields).toHaveProperty("skippedBecause");
    const planned = await stepCall(c.reference, "hearing", { on: addDays(today, 3) });
    expect(planned.body.hearing.offeredTo).toEqual(["complainant", "person_concerned"]);
    expect(
      (await lettersOf(planned.body.id))
        .filter((l) => l.kind === "hearing")
        .map((l) => l.recipient)
        .sort(),
    ).toEqual(["complainant", "person_concerned"]);
    const skipped = await stepCall(c.reference, "hearing", { skippedBecause: "complainant_waived", note: "Telefonisch gezegd" });
    expect(skipped.status).toBe(200);
    expect(skipped.body.hearing).toMatchObject({ skippedBecause: "complainant_waived", note: "Telefonisch gezegd" });
  });

  it("the findings (9:12(1)) go to the complainant and the person concerned", async () => {
    const c = await register(addDays(today, -2), { personConcerned: `Team Gezin ${run}` });
    await stepCall(c.reference, "acknowledge", { sentOn: today });
    await stepCall(c.reference, "hearing", { skippedBecause: "manifestly_unfounded" });
    const d = await stepCall(c.reference, "decide", { outcome: "unfounded", reasons: "Binnen de termijn beslist.", sentOn: today });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const decisions = (await lettersOf(d.body.id)).filter((l) => l.kind === "decision");
    expect(decisions.map((l) => l.recipient).sort()).toEqual(["complainant", "person_concerned"]);
    expect(decisions.find((l) => l.recipient === "person_concerned")!.body).toContain("9:12, eerste lid");
  });
});

describe("withdrawal: POST /api/v1/complaints/{reference}/withdraw", () => {
  const day = "2025-08-14"; // a day no other test uses: the figures are compared before and after

  it("closes with outcome withdrawn, confirms it to both, and every figure counts it apart", async () => {
    const summary = async () =>
      (await call(summaryRoute.GET, "GET", `/api/v1/dashboard/summary?from=${day}&to=${day}`, { role: "supervisor" })).body.complaints;
    const reg = async () =>
      (await call(registerRoute.GET, "GET", "/api/v1/complaints/register?year=2025", { role: "complaints" })).body.summary;
    const pub = async () =>
      (await call(publicationRoute.GET, "GET", "/api/v1/complaints/publication?year=2025", { role: "frontdesk" })).body.months.find(
        (m: { month: string }) => m.month === "2025-08",
      );
    const [s0, r0, p0] = [await summary(), await reg(), await pub()];

    const w = await register(day, { personConcerned: `Afdeling Naturalisatie ${run}`, category: "bejegening" });
    expect((await stepCall(w.reference, "withdraw", { withdrawnOn: addDays(today, 1) })).body.error.code).toBe("date_in_future");
    expect((await stepCall(w.reference, "withdraw", { withdrawnOn: "2025-08-13" })).body.error.code).toBe("date_before_receipt");
    expect((await stepCall(w.reference, "withdraw", { withdrawnOn: "14-08-2025" })).status).toBe(400);
    const ok = await stepCall(w.reference, "withdraw", { withdrawnOn: day, note: "Klager belde: opgelost met de buren" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      status: "closed",
      closedAs: "withdrawn",
      outcome: "withdrawn",
      closedOn: day,
      onTime: null,
      withdrawal: { on: day },
      category: "bejegening",
    });
    expect((await lettersOf(ok.body.id)).map((l) => `${l.kind}:${l.recipient}`).sort()).toEqual([
      "withdrawal:complainant",
      "withdrawal:person_concerned",
    ]);
    expect((await stepCall(w.reference, "acknowledge", { sentOn: today })).body.error.code).toBe("complaint_closed");
    expect((await stepCall(w.reference, "withdraw", { withdrawnOn: day }, "supervisor")).status).toBe(403);

    // And one decided on time the same day, for contrast.
    const d = await register(day);
    await stepCall(d.reference, "acknowledge", { sentOn: day });
    await stepCall(d.reference, "hearing", { skippedBecause: "complainant_waived" });
    expect((await stepCall(d.reference, "decide", { outcome: "founded", reasons: "Te lang.", sentOn: day })).status).toBe(200);

    const [s1, r1, p1] = [await summary(), await reg(), await pub()];
    expect(s1.received - s0.received).toBe(2);
    expect(s1.closed - s0.closed).toBe(1);
    expect(s1.closedOnTime - s0.closedOnTime).toBe(1);
    expect(s1.withdrawn - s0.withdrawn).toBe(1);
    // (The register spans the year, which other test files also write to: only the withdrawn are compared.)
    expect(r1.withdrawn - r0.withdrawn).toBe(1);
    expect(r1.byOutcome.withdrawn - (r0.byOutcome.withdrawn ?? 0)).toBe(1);
    expect(p1.handled - (p0?.handled ?? 0)).toBe(1);
    expect(p1.withdrawn - (p0?.withdrawn ?? 0)).toBe(1);
    expect(p1.receivedByCategory.bejegening - (p0?.receivedByCategory.bejegening ?? 0)).toBe(1);
    const rows = (await call(registerRoute.GET, "GET", "/api/v1/complaints/register?year=2025", { role: "complaints" })).body.items;
    expect(rows.find((i: { reference: string }) => i.reference === w.reference)).toMatchObject({
      onTime: null,
      closedAs: "withdrawn",
      category: "bejegening",
    });
  });
});

describe("oral complaints (Awb 9:5)", () => {
  it("a phone complaint resolved at once closes on receipt without letters; not resolved, it follows the written procedure", async () => {
    const at = await register(today, {
      channel: "phone",
      resolvedAtOnce: true,
      resolution: "Uitgelegd hoe lang het duurt; klager tevreden.",
    });
    const f = await getFile(at.reference);
    expect(f).toMatchObject({ status: "closed", closedAs: "informal", closedOn: today, oralRule: "resolved_at_once", letters: [] });
    const written = await register(today, { channel: "desk" });
    expect(await getFile(written.reference)).toMatchObject({ status: "open", oralRule: "written_procedure" });
    const letter = await call(list.POST, "POST", "/api/v1/complaints", {
      role: "frontdesk",
      body: {
        name: "X",
        email: "x@example.org",
        description: "d",
        channel: "letter",
        receivedOn: today,
        resolvedAtOnce: true,
        resolution: "r",
      },
    });
    expect(letter.status).toBe(400);
    expect(letter.body.error.fields).toHaveProperty("resolvedAtOnce");
  });
});

describe("categories", () => {
  it("registering accepts a category, every view returns it; unknown keys are a 400 naming the field", async () => {
    const c = await register(today, { category: "nationale_ombudsman" });
    expect((await getFile(c.reference)).category).toBe("nationale_ombudsman");
    const l = await call(list.GET, "GET", "/api/v1/complaints?status=all&limit=2000", { role: "complaints" });
    expect(l.body.items.find((i: { reference: string }) => i.reference === c.reference)?.category).toBe("nationale_ombudsman");
    const bad = await call(list.POST, "POST", "/api/v1/complaints", {
      role: "frontdesk",
      body: { name: "X", email: "x@example.org", description: "d", channel: "letter", receivedOn: today, category: "nope" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("category");
    // Without one, the category follows the subject.
    const s = await register(today, { subject: "treatment" });
    expect((await getFile(s.reference)).category).toBe("bejegening");
  });

  it("the IND's seven keys; admins rename labels, may delete an unused category but not a used one", async () => {
    const cats = await call(categoriesRoute.GET, "GET", "/", { role: "frontdesk" });
    expect(cats.body.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(["behandelduur", "dienstverlening", "bejegening", "nationale_ombudsman", "beleid", "it", "overig"]),
    );
    expect(cats.body.find((c: { key: string }) => c.key === "it").labelNl).toBe("IT");
    expect(
      (await call(categoryRoute.PATCH, "PATCH", "/", { role: "complaints", params: { key: "it" }, body: { labelNl: "ICT" } })).status,
    ).toBe(403);
    const renamed = await call(categoryRoute.PATCH, "PATCH", "/", { role: "admin", params: { key: "it" }, body: { labelNl: "IT-zaken" } });
    expect(renamed.body).toMatchObject({ key: "it", labelNl: "IT-zaken", labelEn: "IT" });
    await call(categoryRoute.PATCH, "PATCH", "/", { role: "admin", params: { key: "it" }, body: { labelNl: "IT" } });
    await register(today, { category: "overig" });
    const used = await call(categoryRoute.DELETE, "DELETE", "/", { role: "admin", params: { key: "overig" } });
    expect(used.status).toBe(422);
    expect(used.body.error.code).toBe("category_in_use");
    const key = `test_${run}`;
    expect((await call(categoriesRoute.POST, "POST", "/", { role: "admin", body: { key, labelNl: "Test", labelEn: "Test" } })).status).toBe(
      201,
    );
    expect((await call(categoryRoute.DELETE, "DELETE", "/", { role: "admin", params: { key } })).status).toBe(200);
  });
});

describe("the monthly publication", () => {
  it("shows the current month; the CSV has the IND's columns; agents may read it, the desk role may not", async () => {
    const p = await call(publicationRoute.GET, "GET", "/api/v1/complaints/publication", { role: "frontdesk" });
    expect(p.status).toBe(200);
    expect(p.body.months[0].month).toBe(today.slice(0, 7));
    const csv = await call(publicationRoute.GET, "GET", "/api/v1/complaints/publication?format=csv", { role: "supervisor" });
    expect(csv.body.split("\r\n")[0]).toMatch(
      /^Maand,Behandelduur,Dienstverlening,Bejegening,Nationale ombudsman,Beleid,IT,Overig(,[^,]+)*,Totaal,Binnen 6 weken afgehandeld \(%\)/,
    );
    expect(csv.body.split("\r\n")[1]).toMatch(new RegExp(`^${today.slice(5, 7)}/${today.slice(2, 4)},`));
  });
});

describe("two calendars kept apart (Atw art. 1 and 3)", () => {
  // Received Mon 2024-08-05: six weeks = Mon 2024-09-16, a plain working day.
  const receivedOn = "2024-08-05";
  const deadline = "2024-09-16";

  it("a desk closure and a day all desks and the KIC are closed do not move a complaint deadline", async () => {
    const desk = await createTestDesk();
    await query(`insert into desk_closures (desk_code, from_date, to_date, reason) values ($1, $2, $2, 'verbouwing')`, [desk, deadline]);
    const closed = await call(closedDaysRoute.POST, "POST", "/", {
      role: "admin",
      body: { calendar: "NL", day: deadline, name: "KIC en loketten dicht" },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    try {
      expect((await register(receivedOn)).deadline).toBe(deadline);
    } finally {
      expect((await call(closedDayRoute.DELETE, "DELETE", "/", { role: "admin", params: { id: closed.body.id } })).status).toBe(200);
    }
  });

  it("a later decree day an admin adds (Atw art. 3(3)) moves it, for complaints registered after", async () => {
    expect((await call(atwDaysRoute.POST, "POST", "/", { role: "complaints", body: {} })).status).toBe(403);
    const bad = await call(atwDaysRoute.POST, "POST", "/", {
      role: "admin",
      body: { day: deadline, nameNl: "x", nameEn: "x", decree: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("decree");
    const added = await call(atwDaysRoute.POST, "POST", "/", {
      role: "admin",
      body: {
        day: deadline,
        nameNl: "Gelijkgestelde dag (test)",
        nameEn: "Day equal to a holiday (test)",
        decree: "Besluit gelijkstelling (test), Stcrt. 2024, 1",
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    try {
      const c = await register(receivedOn);
      expect(c.deadline).toBe("2024-09-17");
      expect((await getFile(c.reference)).deadlineBasis.nl).toContain("Gelijkgestelde dag (test)");
      const listed = await call(atwDaysRoute.GET, "GET", "/", { role: "admin" });
      expect(listed.body.shipped.flatMap((d: { days: { date: string }[] }) => d.days.map((x) => x.date))).toContain("2026-05-15");
      expect(listed.body.added.map((d: { day: string }) => d.day)).toContain(deadline);
      expect(
        (
          await call(atwDaysRoute.POST, "POST", "/", {
            role: "admin",
            body: { day: "2026-05-15", nameNl: "x", nameEn: "x", decree: "dubbel besluit" },
          })
        ).body.error.code,
      ).toBe("atw_day_shipped");
    } finally {
      expect((await call(atwDayRoute.DELETE, "DELETE", "/", { role: "admin", params: { id: added.body.id } })).status).toBe(200);
    }
    const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${complaints} where received_on = ${receivedOn}`))
      .rows;
    expect(n).toBeGreaterThanOrEqual(2);
  });
});
