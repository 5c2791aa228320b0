import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "@/db/client";
import { complaintCategories } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/roles";
import { badRequest, conflict, notFound, ruleViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/platform/events";

/**
 * The IND's complaint categories (its monthly publication): behandelduur, dienstverlening, bejegening,
 * nationale_ombudsman, beleid, it, overig — seeded by the migration. Admins rename the labels (NL and EN)
 * and may add a category; a category that complaints use cannot be deleted (the foreign key of
 * complaints.category restricts it, and the delete below is conditional).
 */

/** The category of a complaint registered without one, from its subject (the older classification). */
const SUBJECT_TO_CATEGORY: Record<string, string> = {
  processing_time: "behandelduur",
  treatment: "bejegening",
  information: "dienstverlening",
  accessibility: "dienstverlening",
  desk_visit: "dienstverlening",
  decision_quality: "beleid",
  other: "overig",
};
export const categoryForSubject = (subject: string) => SUBJECT_TO_CATEGORY[subject] ?? "overig";

/** A 400 naming `category` when the key is not a category (the FK would refuse it too, less helpfully). */
export async function ensureCategory(q: DbOrTx, key: string) {
  const [row] = await q.select({ key: complaintCategories.key }).from(complaintCategories).where(eq(complaintCategories.key, key));
  if (!row) throw badRequest(`No complaint category ${key}`, { category: "not a complaint category" });
}

export type CategoryRow = { key: string; labelNl: string; labelEn: string; position: number; used: number };

/** Every category with how many complaints use it (for the registration form, filters and the admin page). */
export async function listCategories(actor: Actor | null): Promise<CategoryRow[]> {
  requirePermission(actor, "registerComplaint");
  return listCategoriesUnchecked();
}

/** The same, for callers that checked a permission of their own (the publication). */
export async function listCategoriesUnchecked(): Promise<CategoryRow[]> {
  return db
    .select({
      key: complaintCategories.key,
      labelNl: complaintCategories.labelNl,
      labelEn: complaintCategories.labelEn,
      position: complaintCategories.position,
      used: sql<number>`(select count(*)::int from complaints c where c.category = ${complaintCategories.key})`,
    })
    .from(complaintCategories)
    .orderBy(asc(complaintCategories.position), asc(complaintCategories.key));
}

const label = z.string().trim().min(1, "required").max(80);
export const renameCategorySchema = z
  .object({ labelNl: label.optional(), labelEn: label.optional() })
  .refine((v) => v.labelNl || v.labelEn, {
    message: "give labelNl and/or labelEn",
    path: ["labelNl"],
  });
export const addCategorySchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and _ (start with a letter)"),
  labelNl: label,
  labelEn: label,
});

export async function renameCategory(actor: Actor | null, key: string, input: z.infer<typeof renameCategorySchema>) {
  const a = requirePermission(actor, "administer");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(complaintCategories)
      .set({
        ...(input.labelNl ? { labelNl: input.labelNl } : {}),
        ...(input.labelEn ? { labelEn: input.labelEn } : {}),
        updatedAt: new Date(),
      })
      .where(eq(complaintCategories.key, key))
      .returning();
    if (!row) throw notFound(`Complaint category ${key}`);
    await recordEvent(tx, a, "complaint_category", key, "renamed", input);
    return row;
  });
}

export async function addCategory(actor: Actor | null, input: z.infer<typeof addCategorySchema>) {
  const a = requirePermission(actor, "administer");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(complaintCategories)
      .values({ ...input, position: sql`(select coalesce(max(position), 0) + 1 from complaint_categories)` })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("category_exists", `Complaint category ${input.key} exists already`);
    await recordEvent(tx, a, "complaint_category", input.key, "added", input);
    return row;
  });
}

/** Deletes an unused category; one that any complaint uses is refused (422 category_in_use). */
export async function deleteCategory(actor: Actor | null, key: string) {
  const a = requirePermission(actor, "administer");
  return db.transaction(async (tx) => {
    const deleted = await tx.execute(sql`
      delete from complaint_categories k where k.key = ${key} and not exists (select 1 from complaints c where c.category = k.key) returning k.key`);
    if (!deleted.rows.length) {
      const [exists] = await tx.select({ key: complaintCategories.key }).from(complaintCategories).where(eq(complaintCategories.key, key));
      if (!exists) throw notFound(`Complaint category ${key}`);
      throw ruleViolation("category_in_use", `Complaints use category ${key}; rename its label instead`);
    }
    await recordEvent(tx, a, "complaint_category", key, "deleted", {});
    return { deleted: key };
  });
}
