import "server-only";
import crypto from "node:crypto";
import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { hashApiKey } from "@/lib/auth/api-key-hash";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, requirePermission, type Actor } from "@/lib/auth/roles";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "./events";

const deskCodes = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[A-Z]{2,4}$/, "desk codes are 2–4 letters")));

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("not a valid email address"),
  name: z.string().trim().min(1, "required").max(200),
  password: z.string().min(10, "at least 10 characters"),
  role: z.enum(ROLES),
  deskCodes: deskCodes.optional().default([]),
  extension: z
    .string()
    .trim()
    .max(30)
    .optional()
    .nullable()
    .transform((v) => v || null),
});

export const updateUserSchema = z.object({
  name: z.string().trim().min(1, "required").max(200).optional(),
  role: z.enum(ROLES).optional(),
  deskCodes: deskCodes.optional(),
  extension: z
    .string()
    .trim()
    .max(30)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null)),
  active: z.boolean().optional(),
  password: z.string().min(10, "at least 10 characters").optional(),
});

const publicUser = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  deskCodes: users.deskCodes,
  extension: users.extension,
  active: users.active,
  createdAt: users.createdAt,
};

export async function listUsers(actor: Actor | null) {
  requirePermission(actor, "administer");
  return db.select(publicUser).from(users).orderBy(asc(users.role), asc(users.email));
}

export async function createUser(actor: Actor | null, input: z.infer<typeof createUserSchema>) {
  const admin = requirePermission(actor, "administer");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(users)
      // The admin chose this password: the user replaces it at first sign-in.
      .values({ ...input, passwordHash, mustChangePassword: true })
      .onConflictDoNothing()
      .returning(publicUser);
    if (!rows.length) throw conflict("email_taken", "A user with this email address or extension already exists");
    await recordEvent(tx, admin, "user", rows[0].id, "created", { email: input.email, role: input.role });
    return rows[0];
  });
}

export async function updateUser(actor: Actor | null, id: string, input: z.infer<typeof updateUserSchema>) {
  const admin = requirePermission(actor, "administer");
  const { password, ...rest } = input;
  const values: Partial<typeof users.$inferInsert> = { ...rest };
  // A password set by an admin must be replaced at the next sign-in, and ends the user's sessions; so does
  // deactivation (lib/auth/actor.ts compares the session version per request).
  if (password) Object.assign(values, { passwordHash: await hashPassword(password), mustChangePassword: true });
  if (password || input.active === false) values.sessionVersion = sql`${users.sessionVersion} + 1` as unknown as number;
  if (input.active === false) values.deactivatedAt = new Date();
  if (input.active === true) values.deactivatedAt = null;
  return db.transaction(async (tx) => {
    const rows = await tx.update(users).set(values).where(eq(users.id, id)).returning(publicUser);
    if (!rows.length) throw notFound("User");
    await recordEvent(tx, admin, "user", id, "updated", { ...rest, password: password ? "changed" : undefined });
    return rows[0];
  });
}

// ---- API keys -------------------------------------------------------------------------------------------

export const createApiKeySchema = z.object({ name: z.string().trim().min(1, "required").max(100), role: z.enum(ROLES) });

export async function listApiKeys(actor: Actor | null) {
  requirePermission(actor, "administer");
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt));
}

/** Creates a key; the plain key is returned once and only its SHA-256 is stored. */
export async function createApiKey(actor: Actor | null, input: z.infer<typeof createApiKeySchema>) {
  const admin = requirePermission(actor, "administer");
  const key = `kic_${crypto.randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        role: input.role,
        prefix: key.slice(0, 8),
        keyHash: hashApiKey(key),
        createdBy: admin.kind === "user" ? admin.id : null,
      })
      .returning({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, prefix: apiKeys.prefix });
    await recordEvent(tx, admin, "api_key", row.id, "created", { name: input.name, role: input.role });
    return { ...row, key };
  });
}

export async function revokeApiKey(actor: Actor | null, id: string) {
  const admin = requirePermission(actor, "administer");
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
      .where(eq(apiKeys.id, id))
      .returning({ id: apiKeys.id });
    if (!rows.length) throw notFound("API key");
    await recordEvent(tx, admin, "api_key", id, "revoked");
    return { id, revoked: true };
  });
}
