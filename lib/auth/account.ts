import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { badRequest, unauthorized } from "@/lib/errors";
import { recordEvent } from "@/lib/platform/events";
import { checkOwnPassword } from "./login";
import { hashPassword } from "./password";
import type { Actor } from "./roles";
import type { TicketUser } from "./ticket";

/**
 * The signed-in user's own account: sign-out and password change. Both bump the user's session version,
 * which ends every session of that user on every instance (lib/auth/actor.ts compares it per request).
 */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  if (actor.kind !== "user") return;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await recordEvent(tx, actor, "user", actor.id, "signed_out");
  });
}

export const MIN_PASSWORD_LENGTH = 10;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required").max(500),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(500),
  })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "must differ from the current password" });

/**
 * Changes the actor's password (the current one checked under the sign-in failure counter), clears the
 * must-change flag and ends all sessions; returns the user for a fresh session in this browser.
 */
export async function changeOwnPassword(actor: Actor | null, input: z.infer<typeof changePasswordSchema>): Promise<TicketUser> {
  if (!actor || actor.kind !== "user") throw unauthorized();
  if (!(await checkOwnPassword(actor.id, input.currentPassword)))
    throw badRequest("The current password is not right", { currentPassword: "not right" });
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, actor.id), eq(users.active, true)))
      .returning();
    if (!u) throw unauthorized();
    await recordEvent(tx, actor, "user", actor.id, "password_changed");
    return { id: u.id, name: u.name, email: u.email, role: u.role, deskCodes: u.deskCodes, sessionVersion: u.sessionVersion };
  });
}
