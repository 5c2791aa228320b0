import "server-only";
import { parse } from "csv-parse/sync";
import { and, asc, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { COMPLAINT_CHANNELS, COMPLAINT_OUTCOMES, complaints } from "@/db/schema";
import { requirePermission } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/roles";
import { isIsoDate } from "@/lib/calendar/dates";
import { badRequest } from "@/lib/errors";
import { recordEvent } from "@/lib/platform/events";
import { atwMove, statutoryDeadline } from "./deadline";
import { loadAtwCalendar, todayNl } from "./service";

// ---- Legacy import --------------------------------------------------------------------------------------

const HEADER = ["reference", "receivedOn", "channel", "acknowledgedOn", "postponedUntil", "closedOn", "outcome"] as const;
const optDate = z
  .string()
  .trim()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), "not a date (YYYY-MM-DD)");

const importRow = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, "required")
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/, "letters, digits, - _ / . only"),
    receivedOn: z.string().trim().refine(isIsoDate, "not a date (YYYY-MM-DD)"),
    channel: z.enum(COMPLAINT_CHANNELS, { message: `one of ${COMPLAINT_CHANNELS.join(", ")}` }),
    acknowledgedOn: optDate,
    postponedUntil: optDate,
    closedOn: optDate,
    outcome: z
      .string()
      .trim()
      .transform((v) => v || null)
      .refine(
        (v) => v === null || [...COMPLAINT_OUTCOMES, "declined", "informal"].includes(v),
        `one of ${[...COMPLAINT_OUTCOMES, "declined", "informal"].join(", ")}`,
      ),
  })
  .superRefine((r, ctx) => {
    for (const k of ["acknowledgedOn", "closedOn"] as const)
      if (r[k] && r[k]! < r.receivedOn) ctx.addIssue({ code: "custom", path: [k], message: "before receivedOn" });
    if (r.postponedUntil && r.postponedUntil <= r.receivedOn)
      ctx.addIssue({ code: "custom", path: ["postponedUntil"], message: "not after receivedOn" });
    if (r.outcome && !r.closedOn) ctx.addIssue({ code: "custom", path: ["closedOn"], message: "required with an outcome" });
    if (r.closedOn && !r.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "required with closedOn" });
  });

export type ImportResult = {
  rows: number;
  imported: number;
  alreadyPresent: number;
  errors: { line: number; reference?: string; errors: Record<string, string> }[];
};

/**
 * Historical complaints from an older system, idempotent by reference (a row whose reference exists is
 * left alone), bad rows reported by their line in the file; the good rows are imported.
 */
export async function importComplaintsCsv(actor: Actor | null, csv: string, now = new Date()): Promise<ImportResult> {
  const a = requirePermission(actor, "importData");
  let records: { record: Record<string, string>; line: number }[];
  try {
    const parsed = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    records = parsed.map((p) => ({ record: p.record, line: p.info.lines }));
  } catch (e) {
    throw badRequest(`The file is not valid CSV: ${(e as Error).message}`, { file: "not valid CSV" });
  }
  const first = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 1)[0]
    .split(",")
    .map((s) => s.trim());
  const missing = HEADER.filter((h) => !first.includes(h));
  if (missing.length) throw badRequest(`The header lacks: ${missing.join(", ")}`, { file: `header must be ${HEADER.join(",")}` });

  const today = todayNl(now);
  const cal = await loadAtwCalendar();
  const errors: ImportResult["errors"] = [];
  const good: (typeof complaints.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const { record, line } of records) {
    const r = importRow.safeParse(record);
    if (!r.success) {
      const fields: Record<string, string> = {};
      for (const i of r.error.issues) fields[String(i.path[0] ?? "row")] ??= i.message;
      errors.push({ line, reference: record.reference, errors: fields });
      continue;
    }
    const v = r.data;
    if (v.receivedOn > today || (v.closedOn && v.closedOn > today)) {
      errors.push({ line, reference: v.reference, errors: { [v.receivedOn > today ? "receivedOn" : "closedOn"]: "lies in the future" } });
      continue;
    }
    if (seen.has(v.reference)) {
      errors.push({ line, reference: v.reference, errors: { reference: "appears twice in the file" } });
      continue;
    }
    seen.add(v.reference);
    let deadline = statutoryDeadline(v.receivedOn, false, cal).deadline;
    if (v.postponedUntil) deadline = atwMove(v.postponedUntil, cal).date;
    if (deadline <= v.receivedOn) deadline = statutoryDeadline(v.receivedOn, false, cal).deadline;
    const closedAs = !v.outcome ? null : v.outcome === "declined" ? "declined" : v.outcome === "informal" ? "informal" : "decided";
    good.push({
      reference: v.reference,
      channel: v.channel,
      receivedOn: v.receivedOn,
      status: v.closedOn ? "closed" : "open",
      complainantName: "(import)",
      description: "(imported from the previous complaints system)",
      deadline,
      acknowledgedOn: v.acknowledgedOn,
      postponedUntil: v.postponedUntil,
      outcome: closedAs === "decided" ? v.outcome : null,
      decidedOn: closedAs === "decided" ? v.closedOn : null,
      declineReason: closedAs === "declined" ? "already_handled" : null,
      declinedOn: closedAs === "declined" ? v.closedOn : null,
      informalOn: closedAs === "informal" ? v.closedOn : null,
      closedAs,
      closedOn: v.closedOn,
      importedAt: now,
    });
  }
  let imported = 0;
  await db.transaction(async (tx) => {
    // Set-based: one statement per 2,000 rows from a JSON recordset (a wide multi-row VALUES is slow to build).
    for (let i = 0; i < good.length; i += 2000) {
      const batch = JSON.stringify(good.slice(i, i + 2000).map((g) => ({ ...g, importedAt: undefined })));
      const { rows } = await tx.execute(sql`
        insert into complaints (reference, channel, received_on, status, complainant_name, description, deadline, acknowledged_on,
          postponed_until, outcome, decided_on, decline_reason, declined_on, informal_on, closed_as, closed_on, imported_at)
        select r."reference", r."channel", r."receivedOn", r."status", r."complainantName", r."description", r."deadline", r."acknowledgedOn",
          r."postponedUntil", r."outcome", r."decidedOn", r."declineReason", r."declinedOn", r."informalOn", r."closedAs", r."closedOn", ${now}
        from jsonb_to_recordset(${batch}::jsonb) as r("reference" text, "channel" text, "receivedOn" date, "status" text, "complainantName" text,
          "description" text, "deadline" date, "acknowledgedOn" date, "postponedUntil" date, "outcome" text, "decidedOn" date,
          "declineReason" text, "declinedOn" date, "informalOn" date, "closedAs" text, "closedOn" date)
        on conflict (reference) do nothing
        returning id`);
      imported += rows.length;
    }
    await recordEvent(tx, a, "complaint_import", now.toISOString(), "imported", { rows: records.length, imported, errors: errors.length });
  });
  return { rows: records.length, imported, alreadyPresent: good.length - imported, errors };
}

// ---- Register (Awb 9:12a) ------------------------------------------------------------------------------

/** The annual register: every complaint received in the year, with outcome, subject and timeliness. */
export async function complaintRegister(actor: Actor | null, year: number) {
  requirePermission(actor, "handleComplaints");
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db
    .select({
      reference: complaints.reference,
      receivedOn: complaints.receivedOn,
      channel: complaints.channel,
      subject: complaints.subject,
      category: complaints.category,
      status: complaints.status,
      closedAs: complaints.closedAs,
      outcome: complaints.outcome,
      deadline: complaints.deadline,
      closedOn: complaints.closedOn,
    })
    .from(complaints)
    .where(and(sql`${complaints.receivedOn} >= ${from}`, sql`${complaints.receivedOn} <= ${to}`))
    .orderBy(asc(complaints.receivedOn), asc(complaints.reference));
  // A withdrawn complaint was not handled: onTime null, and not among the closed (counted apart).
  const items = rows.map((r) => ({ ...r, onTime: r.closedOn && r.closedAs !== "withdrawn" ? r.closedOn <= r.deadline : null }));
  const closed = items.filter((r) => r.closedOn && r.closedAs !== "withdrawn");
  const byOutcome: Record<string, number> = {};
  const bySubject: Record<string, number> = {};
  for (const r of items) {
    const k = r.outcome ?? r.closedAs ?? "open";
    byOutcome[k] = (byOutcome[k] ?? 0) + 1;
    bySubject[r.subject] = (bySubject[r.subject] ?? 0) + 1;
  }
  return {
    year,
    summary: {
      received: items.length,
      closed: closed.length,
      closedOnTime: closed.filter((r) => r.onTime).length,
      withdrawn: items.filter((r) => r.closedAs === "withdrawn").length,
      onTimePct: closed.length ? Math.round((1000 * closed.filter((r) => r.onTime).length) / closed.length) / 10 : null,
      byOutcome,
      bySubject,
    },
    items,
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function registerCsv(items: Awaited<ReturnType<typeof complaintRegister>>["items"]): string {
  const header = ["reference", "receivedOn", "channel", "subject", "status", "closedAs", "outcome", "deadline", "closedOn", "onTime"];
  const lines = items.map((r) =>
    [
      r.reference,
      r.receivedOn,
      r.channel,
      r.subject,
      r.status,
      r.closedAs,
      r.outcome,
      r.deadline,
      r.closedOn,
      r.onTime === null ? "" : r.onTime ? "yes" : "no",
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
