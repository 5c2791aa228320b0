import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { env } from "@/lib/env";
import { ruleViolation } from "@/lib/errors";
import { capEmail, capPhone, capVNumbers } from "./identity";
import { pgArray } from "@/lib/platform/sql";

/**
 * Issue 11 item 4: caps per applicant identity, held by the database (SQL functions in db/migrations/0013): inside the
 * booking's (or hold's) transaction, an advisory lock per identity, then the count — so concurrent requests
 * for one identity queue and cannot pass the cap together. Never a check-then-write without the lock.
 *
 * - Public bookings: at most APPOINTMENTS_MAX_FUTURE_BOOKINGS future bookings per product per email address,
 *   per phone number and per V-number (422 `booking_cap_email` / `booking_cap_phone` / `booking_cap_v_number`,
 *   with the field named). Cancelled and past bookings do not count; bookings made by agents do.
 * - Anonymous holds: at most APPOINTMENTS_MAX_ACTIVE_HOLDS live holds per client address (422 `hold_cap`).
 */
export type Identity = { email: string | null; phone: string | null; vNumbers: string[] };

export function identityColumns(input: { email?: string | null; phone?: string | null; persons: { vNumber?: string | null }[] }): Identity {
  return { email: capEmail(input.email), phone: capPhone(input.phone), vNumbers: capVNumbers(input.persons) };
}

/**
 * The check, as a query for the booking's transaction (lib/appointments/service.ts runs it in the same round
 * trip as the capacity row's insert): null, or the identity whose cap is reached.
 */
export function bookingCapQuery(product: string, id: Identity): SQL {
  const cap = env().APPOINTMENTS_MAX_FUTURE_BOOKINGS;
  return sql`select appointment_identity_cap(${product}, ${id.email}, ${id.phone}, ${pgArray(id.vNumbers)}::text[], ${cap}::int)`;
}

/** The API's 422 naming the cap (and the field) when `hit` names one. */
export function refuseOverCap(hit: unknown, product: string, persons?: { vNumber?: string | null }[]): void {
  if (typeof hit !== "string" || !hit) return;
  const cap = env().APPOINTMENTS_MAX_FUTURE_BOOKINGS;
  const what = `already ${cap} future appointment${cap === 1 ? "" : "s"} for ${product}`;
  if (hit === "email")
    throw ruleViolation("booking_cap_email", `This email address has ${what}; cancel one or choose another time for it`, { email: what });
  if (hit === "phone")
    throw ruleViolation("booking_cap_phone", `This phone number has ${what}; cancel one or choose another time for it`, { phone: what });
  const v = hit.slice(2);
  const i = (persons ?? []).findIndex((p) => p.vNumber?.trim() === v);
  throw ruleViolation("booking_cap_v_number", `A person in this booking has ${what}`, {
    [i >= 0 ? `persons.${i}.vNumber` : "persons"]: what,
  });
}

export async function checkHoldCap(tx: DbOrTx, clientKey: string): Promise<void> {
  const cap = env().APPOINTMENTS_MAX_ACTIVE_HOLDS;
  const { rows } = await tx.execute<{ ok: boolean }>(sql`select appointment_hold_allowed(${clientKey}, ${cap}) as ok`);
  if (!rows[0]?.ok)
    throw ruleViolation("hold_cap", `At most ${cap} times can be held at once from one address; book or wait a few minutes`, {
      slotId: "too many held times",
    });
}
