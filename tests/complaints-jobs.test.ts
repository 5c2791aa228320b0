import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/jobs/boss", () => ({ wake: async () => undefined, getBoss: async () => undefined }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next/navigation", () => ({ redirect: () => undefined, forbidden: () => undefined }));

import { closeDb, db } from "@/db/client";
import { complaints, outboundEmails, users } from "@/db/schema";
import { zonedToInstant } from "@/lib/calendar/time";
import { complaintFromEmail } from "@/lib/complaints/intake-mail";
import { runComplaintReminders } from "@/lib/complaints/jobs";

const run = crypto.randomBytes(3).toString("hex");
afterAll(async () => closeDb());
const at = (d: string) => zonedToInstant(d, "09:00", "Europe/Amsterdam");

describe("reminder job (injected clock)", () => {
  it("fires two weeks and three working days before, then to supervisors when overdue — each once", async () => {
    const [h] = await db
      .insert(users)
      .values({ email: `h-${run}@kic.example`, name: "H", passwordHash: "x", role: "complaints", locale: "en" })
      .returning();
    await db.insert(users).values({ email: `s-${run}@kic.example`, name: "S", passwordHash: "x", role: "supervisor" });
    const [c] = await db
      .insert(complaints)
      .values({
        reference: `K-T-${run}`,
        channel: "letter",
        receivedOn: "2026-03-03",
        complainantName: "X",
        complainantPhone: "1",
        description: "d",
        deadline: "2026-04-14",
        handlerId: h.id,
      })
      .returning();
    const mine = (sent: { reference: string; kind: string; to: string[] }[]) =>
      sent.filter((s) => s.reference === c.reference).map((s) => s.kind);
    expect(mine(await runComplaintReminders(at("2026-03-30")))).toEqual([]);
    expect(mine(await runComplaintReminders(at("2026-03-31")))).toEqual(["handler_2_weeks"]);
    expect(mine(await runComplaintReminders(at("2026-04-01")))).toEqual([]); // once
    expect(mine(await runComplaintReminders(at("2026-04-09")))).toEqual(["handler_3_working_days"]);
    expect(mine(await runComplaintReminders(at("2026-04-14")))).toEqual([]);
    const overdue = (await runComplaintReminders(at("2026-04-15"))).filter((s) => s.reference === c.reference);
    expect(overdue.map((s) => s.kind)).toEqual(["supervisors_overdue"]);
    expect(overdue[0].to).toContain(`s-${run}@kic.example`);
    expect(mine(await runComplaintReminders(at("2026-04-16")))).toEqual([]);
    const mails = await db.select().from(outboundEmails).where(eq(outboundEmails.contextId, c.id));
    expect(
      mails
        .filter((m) => m.toAddress === h.email)
        .map((m) => m.kind)
        .sort(),
    ).toEqual(["complaint.reminder.handler_2_weeks", "complaint.reminder.handler_3_working_days"]);
    expect(mails.find((m) => m.toAddress === h.email)?.language).toBe("en");
    // A postponement gives a new deadline in force, which earns its own reminders.
    await db.update(complaints).set({ deadline: "2026-05-12" }).where(eq(complaints.id, c.id));
    expect(mine(await runComplaintReminders(at("2026-04-28")))).toEqual(["handler_2_weeks"]);
  });
});

describe("complaints mailbox intake", () => {
  it("creates a complaint in triage, received on the Amsterdam date of the mail, linked to the message, once", async () => {
    const msg = `msg-${run}`;
    const mail = {
      customerId: null,
      fromAddress: `Mail-${run}@Example.org`,
      fromName: "Mailer",
      subject: "Klacht",
      text: "Ik wacht al maanden.",
      receivedAt: new Date("2026-03-01T23:30:00Z"), // 2 March 00:30 in Amsterdam
      inboundMessageId: msg,
      language: "nl" as const,
    };
    const r = await db.transaction((tx) => complaintFromEmail(tx, mail));
    expect(r?.reference).toMatch(/^K-2026-/);
    const [c] = await db.select().from(complaints).where(eq(complaints.inboundMessageId, msg));
    expect(c).toMatchObject({
      status: "triage",
      channel: "email",
      receivedOn: "2026-03-02",
      deadline: "2026-04-13",
      complainantEmail: `mail-${run}@example.org`,
    });
    const again = await db.transaction((tx) => complaintFromEmail(tx, mail));
    expect(again?.reference).toBe(r?.reference);
  });
});
