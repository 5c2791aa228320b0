import "server-only";
import { and, gte, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { complaints } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { listCategoriesUnchecked } from "./categories";
import { monthlyFigures, monthsBetween, publicationCsv } from "./publication-figures";
import { loadAtwCalendar, todayNl } from "./service";

/**
 * The monthly publication (GET /api/v1/complaints/publication?year=YYYY[&format=csv], page
 * /agent/complaints/publication): the year's months up to the current one, with the figures of
 * publication-figures.ts per month and per category. Aggregates only, so frontdesk and backoffice agents
 * may see it too (the IND publishes these figures).
 */
export const publicationQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(["json", "csv"]).optional().default("json"),
});

export async function complaintPublication(actor: Actor | null, q: { year?: number }, now = new Date()) {
  requirePermission(actor, "viewComplaintFigures");
  const today = todayNl(now);
  const thisYear = Number(today.slice(0, 4));
  const year = q.year ?? thisYear;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lastMonth = year === thisYear ? today.slice(0, 7) : `${year}-12`;
  const months = year > thisYear ? [] : monthsBetween(`${year}-01`, lastMonth);
  const [rows, categories, cal] = await Promise.all([
    db
      .select({
        receivedOn: complaints.receivedOn,
        closedOn: complaints.closedOn,
        deadline: complaints.deadline,
        closedAs: complaints.closedAs,
        outcome: complaints.outcome,
        category: complaints.category,
      })
      .from(complaints)
      .where(
        or(and(gte(complaints.receivedOn, from), lte(complaints.receivedOn, to)), sql`${complaints.closedOn} between ${from} and ${to}`),
      ),
    listCategoriesUnchecked(),
    loadAtwCalendar(),
  ]);
  const figures = monthlyFigures(
    rows,
    months,
    categories.map((c) => c.key),
    cal,
  );
  return { year, today, categories: categories.map(({ key, labelNl, labelEn }) => ({ key, labelNl, labelEn })), months: figures.reverse() };
}

export async function complaintPublicationCsv(actor: Actor | null, q: { year?: number }, now = new Date()) {
  const p = await complaintPublication(actor, q, now);
  return { year: p.year, csv: publicationCsv(p.months, p.categories) };
}
